package dev.softdelete.it.model;

import dev.softdelete.SoftDelete;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.MapKeyColumn;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/** A map in a join table that cascades REMOVE: a new value at an existing key is written as an update of the link row. */
@Entity
@SoftDelete
public class CascadeShelf {

    @Id
    @GeneratedValue
    private Long id;

    private Instant deletedAt;

    @ManyToMany(cascade = {CascadeType.PERSIST, CascadeType.REMOVE})
    @JoinTable(name = "cascade_shelf_member")
    @MapKeyColumn(name = "slot")
    private Map<String, CascadeMember> members = new HashMap<>();

    public Long getId() {
        return id;
    }

    public Map<String, CascadeMember> getMembers() {
        return members;
    }
}

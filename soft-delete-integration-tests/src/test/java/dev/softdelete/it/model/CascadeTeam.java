package dev.softdelete.it.model;

import dev.softdelete.SoftDelete;
import jakarta.persistence.CascadeType;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Set;

/** A many-to-many that cascades REMOVE, and an element collection: both link tables must survive a soft delete. */
@Entity
@SoftDelete
public class CascadeTeam {

    @Id
    @GeneratedValue
    private Long id;

    private Instant deletedAt;

    @ManyToMany(cascade = {CascadeType.PERSIST, CascadeType.REMOVE})
    @JoinTable(name = "cascade_team_member")
    private Set<CascadeMember> members = new LinkedHashSet<>();

    @ElementCollection
    @CollectionTable(name = "cascade_team_label")
    private Set<String> labels = new LinkedHashSet<>();

    public Long getId() {
        return id;
    }

    public Set<CascadeMember> getMembers() {
        return members;
    }

    public Set<String> getLabels() {
        return labels;
    }
}

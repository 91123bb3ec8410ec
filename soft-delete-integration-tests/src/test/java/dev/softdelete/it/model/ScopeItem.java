package dev.softdelete.it.model;

import dev.softdelete.SoftDelete;
import dev.softdelete.SoftDeletableEntity;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;

/** A soft-deletable element of {@link ScopeRack}'s EAGER collection. */
@Entity
@SoftDelete
public class ScopeItem extends SoftDeletableEntity {

    @Id
    @GeneratedValue
    private Long id;

    private String name;

    @ManyToOne
    private ScopeRack rack;

    protected ScopeItem() {
    }

    public ScopeItem(ScopeRack rack, String name) {
        this.rack = rack;
        this.name = name;
    }

    public Long getId() {
        return id;
    }

    public String getName() {
        return name;
    }
}

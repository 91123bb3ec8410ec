package dev.softdelete.it.model;

import jakarta.persistence.DiscriminatorValue;
import jakarta.persistence.Entity;

/** A subclass of the collection's type: its rows belong to the collection too. */
@Entity
@DiscriminatorValue("minibus")
public class SingleCascadeMinibus extends SingleCascadeBus {

    protected SingleCascadeMinibus() {
    }

    public SingleCascadeMinibus(Long id, String name, SingleCascadeDepot depot) {
        super(id, name, depot);
    }
}

package dev.softdelete.it.model;

import jakarta.persistence.DiscriminatorValue;
import jakarta.persistence.Entity;

/** The subclass a depot's cascading collection holds. */
@Entity
@DiscriminatorValue("bus")
public class SingleCascadeBus extends SingleCascadeMachine {

    protected SingleCascadeBus() {
    }

    public SingleCascadeBus(Long id, String name, SingleCascadeDepot depot) {
        super(id, name, depot);
    }
}

package dev.softdelete.it.model;

import jakarta.persistence.DiscriminatorValue;
import jakarta.persistence.Entity;

/** A sibling of the collection's type with the same foreign key column: no cascade reaches it. */
@Entity
@DiscriminatorValue("crane")
public class SingleCascadeCrane extends SingleCascadeMachine {

    protected SingleCascadeCrane() {
    }

    public SingleCascadeCrane(Long id, String name, SingleCascadeDepot depot) {
        super(id, name, depot);
    }
}

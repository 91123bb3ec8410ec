package dev.softdelete.it.model;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;

/** Not soft-deletable. */
@Entity
public class HardCascadeItem {

    @Id
    @GeneratedValue
    private Long id;

    @ManyToOne
    private HardCascadeOwner owner;

    private String name;

    protected HardCascadeItem() {
    }

    HardCascadeItem(HardCascadeOwner owner, String name) {
        this.owner = owner;
        this.name = name;
    }
}

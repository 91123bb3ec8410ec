package dev.softdelete.test.model;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;

/** Not soft-deletable: removing it is a hard delete. */
@Entity
public class KitLabel {

    @Id
    private Long id;

    private String name;

    protected KitLabel() {
    }

    public KitLabel(Long id, String name) {
        this.id = id;
        this.name = name;
    }
}

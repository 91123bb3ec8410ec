package dev.softdelete.it.model;

import dev.softdelete.SoftDeletableEntity;
import dev.softdelete.SoftDelete;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;

@Entity
@SoftDelete(deletedBy = "deletedBy")
public class Tag extends SoftDeletableEntity {

    @Id
    @GeneratedValue
    private Long id;

    private String label;

    protected Tag() {
    }

    public Tag(String label) {
        this.label = label;
    }

    public Long getId() {
        return id;
    }

    public String getLabel() {
        return label;
    }
}

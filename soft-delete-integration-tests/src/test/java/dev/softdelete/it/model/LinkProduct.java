package dev.softdelete.it.model;

import dev.softdelete.SoftDeletable;
import dev.softdelete.SoftDelete;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;

import java.time.Instant;

/** The soft-deletable target of the link-keeping collection tests: a deleted product hides its links. */
@Entity
@SoftDelete
public class LinkProduct implements SoftDeletable {

    @Id
    @GeneratedValue
    private Long id;

    private String name;

    private Instant deletedAt;

    protected LinkProduct() {
    }

    public LinkProduct(String name) {
        this.name = name;
    }

    public Long getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    @Override
    public Instant getDeletedAt() {
        return deletedAt;
    }
}

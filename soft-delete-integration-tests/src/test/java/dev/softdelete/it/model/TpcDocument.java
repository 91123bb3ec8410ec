package dev.softdelete.it.model;

import dev.softdelete.SoftDeletable;
import dev.softdelete.SoftDelete;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Inheritance;
import jakarta.persistence.InheritanceType;

import java.time.Instant;

/** Root of a TABLE_PER_CLASS hierarchy: every concrete table carries its own marker column. */
@Entity
@Inheritance(strategy = InheritanceType.TABLE_PER_CLASS)
@SoftDelete(deletedBy = "deletedBy")
public class TpcDocument implements SoftDeletable {

    @Id
    private Long id;

    private String title;

    private Instant deletedAt;

    private String deletedBy;

    protected TpcDocument() {
    }

    public TpcDocument(Long id, String title) {
        this.id = id;
        this.title = title;
    }

    public Long getId() {
        return id;
    }

    public String getTitle() {
        return title;
    }

    @Override
    public Instant getDeletedAt() {
        return deletedAt;
    }

    public String getDeletedBy() {
        return deletedBy;
    }
}

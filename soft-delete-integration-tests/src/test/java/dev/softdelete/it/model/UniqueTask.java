package dev.softdelete.it.model;

import dev.softdelete.SoftDelete;
import dev.softdelete.SoftDeletableEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;

/** A child with a unique code; soft-deleted with its project. */
@Entity
@SoftDelete
public class UniqueTask extends SoftDeletableEntity {

    @Id
    @GeneratedValue
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY)
    private UniqueProject project;

    @Column(unique = true)
    private String code;

    protected UniqueTask() {
    }

    UniqueTask(UniqueProject project, String code) {
        this.project = project;
        this.code = code;
    }

    public UniqueTask(String code) {
        this.code = code;
    }

    public Long getId() {
        return id;
    }
}

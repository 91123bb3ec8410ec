package dev.softdelete.it.model;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;

/** A plain (hard) entity that purged parents link to through a join table. */
@Entity
public class PurgeTag {

    @Id
    private Long id;

    private String name;

    protected PurgeTag() {
    }

    public PurgeTag(Long id, String name) {
        this.id = id;
        this.name = name;
    }

    public Long getId() {
        return id;
    }
}

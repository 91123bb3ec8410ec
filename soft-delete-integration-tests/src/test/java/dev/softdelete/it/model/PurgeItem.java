package dev.softdelete.it.model;

import dev.softdelete.SoftDelete;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;

import java.time.Instant;

/** A flat soft-deletable entity with assigned ids, for batch, restore, failure and concurrency tests. */
@Entity
@SoftDelete(retain = "P7D")
public class PurgeItem {

    @Id
    private Long id;

    private Instant deletedAt;

    protected PurgeItem() {
    }

    public PurgeItem(Long id) {
        this.id = id;
    }

    public Long getId() {
        return id;
    }
}

package dev.softdelete.it.model;

import dev.softdelete.SoftDelete;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;

import java.time.Instant;

@Entity
@SoftDelete(retain = "P30D")
public class PurgeGrandchild {

    @Id
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY)
    private PurgeChild child;

    private Instant deletedAt;

    protected PurgeGrandchild() {
    }

    PurgeGrandchild(Long id, PurgeChild child) {
        this.id = id;
        this.child = child;
    }

    public Long getId() {
        return id;
    }
}

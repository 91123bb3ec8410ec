package dev.softdelete.benchmarks.model.cascade;

import dev.softdelete.SoftDelete;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import java.time.Instant;

/** Leaf of the library's tree. */
@Entity
@SoftDelete
@Table(indexes = @Index(name = "soft_grandchild_child", columnList = "child_id"))
public class SoftGrandchild {

    @Id
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    private SoftChild child;

    private String name;

    private Instant deletedAt;

    protected SoftGrandchild() {
    }

    public Long getId() {
        return id;
    }

    public SoftChild getChild() {
        return child;
    }

    public Instant getDeletedAt() {
        return deletedAt;
    }
}

package dev.softdelete.benchmarks.model.cascade;

import dev.softdelete.SoftDelete;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Root of the tree the library deletes: {@code remove} cascades to {@link SoftChild} and on to
 * {@link SoftGrandchild}, set-based. {@link NativeParent} is the same shape under Hibernate's own
 * soft delete. Rows are inserted by JDBC, so there is no public constructor.
 */
@Entity
@SoftDelete
public class SoftParent {

    @Id
    private Long id;

    private String name;

    private Instant deletedAt;

    @OneToMany(mappedBy = "parent", cascade = CascadeType.ALL)
    private List<SoftChild> children = new ArrayList<>();

    protected SoftParent() {
    }

    public Long getId() {
        return id;
    }

    public Instant getDeletedAt() {
        return deletedAt;
    }

    public List<SoftChild> getChildren() {
        return children;
    }
}

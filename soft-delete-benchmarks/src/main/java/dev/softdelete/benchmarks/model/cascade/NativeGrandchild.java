package dev.softdelete.benchmarks.model.cascade;

import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import org.hibernate.annotations.SoftDelete;
import org.hibernate.annotations.SoftDeleteType;

/** Leaf of the Hibernate-native tree; EAGER for the same reason as {@link NativeChild#getParent()}. */
@Entity
@SoftDelete(strategy = SoftDeleteType.TIMESTAMP, columnName = "deleted_at")
@Table(indexes = @Index(name = "native_grandchild_child", columnList = "child_id"))
public class NativeGrandchild {

    @Id
    private Long id;

    @ManyToOne(fetch = FetchType.EAGER, optional = false)
    private NativeChild child;

    private String name;

    protected NativeGrandchild() {
    }

    public Long getId() {
        return id;
    }

    public NativeChild getChild() {
        return child;
    }
}

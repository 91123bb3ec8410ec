package dev.softdelete.benchmarks.model.cascade;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.Table;
import org.hibernate.annotations.SoftDelete;
import org.hibernate.annotations.SoftDeleteType;

import java.util.ArrayList;
import java.util.List;

/**
 * Middle level of the Hibernate-native tree. The back-reference is EAGER because Hibernate refuses
 * a LAZY to-one to an entity with its {@code @SoftDelete}; when the children are loaded through the
 * parent's collection, the parent is already in the persistence context, so it costs no query.
 */
@Entity
@SoftDelete(strategy = SoftDeleteType.TIMESTAMP, columnName = "deleted_at")
@Table(indexes = @Index(name = "native_child_parent", columnList = "parent_id"))
public class NativeChild {

    @Id
    private Long id;

    @ManyToOne(fetch = FetchType.EAGER, optional = false)
    private NativeParent parent;

    private String name;

    @OneToMany(mappedBy = "child", cascade = CascadeType.ALL)
    private List<NativeGrandchild> grandchildren = new ArrayList<>();

    protected NativeChild() {
    }

    public Long getId() {
        return id;
    }

    public NativeParent getParent() {
        return parent;
    }

    public List<NativeGrandchild> getGrandchildren() {
        return grandchildren;
    }
}

package dev.softdelete.benchmarks.model.cascade;

import dev.softdelete.SoftDelete;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Middle level of the library's tree; the foreign key is indexed, as an application would. */
@Entity
@SoftDelete
@Table(indexes = @Index(name = "soft_child_parent", columnList = "parent_id"))
public class SoftChild {

    @Id
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    private SoftParent parent;

    private String name;

    private Instant deletedAt;

    @OneToMany(mappedBy = "child", cascade = CascadeType.ALL)
    private List<SoftGrandchild> grandchildren = new ArrayList<>();

    protected SoftChild() {
    }

    public Long getId() {
        return id;
    }

    public SoftParent getParent() {
        return parent;
    }

    public Instant getDeletedAt() {
        return deletedAt;
    }

    public List<SoftGrandchild> getGrandchildren() {
        return grandchildren;
    }
}

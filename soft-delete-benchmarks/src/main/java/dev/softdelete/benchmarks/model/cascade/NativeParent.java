package dev.softdelete.benchmarks.model.cascade;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import org.hibernate.annotations.SoftDelete;
import org.hibernate.annotations.SoftDeleteType;

import java.util.ArrayList;
import java.util.List;

/**
 * {@link SoftParent}'s shape under Hibernate's own {@code @SoftDelete}, for comparison. It carries no
 * {@code dev.softdelete} annotation (an entity with both fails at boot) and lives in a session factory
 * of its own; the library ignores it. The marker column has the library's name, {@code deleted_at},
 * so one reset statement serves both.
 */
@Entity
@SoftDelete(strategy = SoftDeleteType.TIMESTAMP, columnName = "deleted_at")
public class NativeParent {

    @Id
    private Long id;

    private String name;

    @OneToMany(mappedBy = "parent", cascade = CascadeType.ALL)
    private List<NativeChild> children = new ArrayList<>();

    protected NativeParent() {
    }

    public Long getId() {
        return id;
    }

    public List<NativeChild> getChildren() {
        return children;
    }
}

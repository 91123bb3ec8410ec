package dev.softdelete.benchmarks.model.tree;

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

/**
 * A node of a self-referencing tree (a category tree, a thread of replies): its delete cascades to its
 * children, so the cascade goes as deep as the data. The foreign key is indexed, as an application would.
 */
@Entity
@SoftDelete
@Table(indexes = @Index(name = "tree_node_parent", columnList = "parent_id"))
public class TreeNode {

    @Id
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY)
    private TreeNode parent;

    private Instant deletedAt;

    @OneToMany(mappedBy = "parent", cascade = CascadeType.REMOVE)
    private List<TreeNode> children = new ArrayList<>();

    protected TreeNode() {
    }

    public Long getId() {
        return id;
    }
}

package dev.softdelete.it.model;

import dev.softdelete.SoftDelete;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** A self-referencing tree: the depth of a cascade is not known ahead. */
@Entity
@SoftDelete
public class CascadeNode {

    @Id
    @GeneratedValue
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY)
    private CascadeNode parent;

    private String name;

    private Instant deletedAt;

    @OneToMany(mappedBy = "parent", cascade = CascadeType.ALL)
    private List<CascadeNode> children = new ArrayList<>();

    protected CascadeNode() {
    }

    public CascadeNode(String name) {
        this.name = name;
    }

    public CascadeNode child(String childName) {
        CascadeNode child = new CascadeNode(childName);
        child.parent = this;
        children.add(child);
        return child;
    }

    public Long getId() {
        return id;
    }

    public Instant getDeletedAt() {
        return deletedAt;
    }
}

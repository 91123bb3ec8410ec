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

/**
 * A tree whose nodes also cascade to a twin through a key of their own table: a node can have two
 * parents in its own table (the one it hangs under and any node whose twin it is).
 */
@Entity
@SoftDelete
public class CascadeTwinNode {

    @Id
    @GeneratedValue
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY)
    private CascadeTwinNode parent;

    @OneToMany(mappedBy = "parent", cascade = {CascadeType.PERSIST, CascadeType.REMOVE})
    private List<CascadeTwinNode> children = new ArrayList<>();

    @ManyToOne(fetch = FetchType.LAZY, cascade = CascadeType.REMOVE)
    private CascadeTwinNode twin;

    private Instant deletedAt;

    public CascadeTwinNode child() {
        CascadeTwinNode child = new CascadeTwinNode();
        child.parent = this;
        children.add(child);
        return child;
    }

    /** Hangs the node under a parent after both exist, so that a test chooses the order of their ids. */
    public void setParent(CascadeTwinNode parent) {
        this.parent = parent;
    }

    public void setTwin(CascadeTwinNode twin) {
        this.twin = twin;
    }

    public Long getId() {
        return id;
    }
}

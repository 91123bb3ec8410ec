package dev.softdelete.it.model;

import dev.softdelete.SoftDelete;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

@Entity
@SoftDelete(retain = "P30D")
public class PurgeChild {

    @Id
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY)
    private PurgeParent parent;

    private Instant deletedAt;

    @OneToMany(mappedBy = "child", cascade = CascadeType.ALL)
    private List<PurgeGrandchild> grandchildren = new ArrayList<>();

    protected PurgeChild() {
    }

    PurgeChild(Long id, PurgeParent parent) {
        this.id = id;
        this.parent = parent;
    }

    public PurgeGrandchild grandchild(Long grandchildId) {
        PurgeGrandchild grandchild = new PurgeGrandchild(grandchildId, this);
        grandchildren.add(grandchild);
        return grandchild;
    }

    public Long getId() {
        return id;
    }

    public List<PurgeGrandchild> getGrandchildren() {
        return grandchildren;
    }
}

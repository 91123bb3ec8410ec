package dev.softdelete.it.model;

import dev.softdelete.SoftDelete;
import jakarta.persistence.CascadeType;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.OneToMany;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Top of the purge graph: children and grandchildren below, tags (join table) and labels (element collection). */
@Entity
@SoftDelete(retain = "P30D")
public class PurgeParent {

    @Id
    private Long id;

    private Instant deletedAt;

    @OneToMany(mappedBy = "parent", cascade = CascadeType.ALL)
    private List<PurgeChild> children = new ArrayList<>();

    @ManyToMany
    private Set<PurgeTag> tags = new HashSet<>();

    @ElementCollection
    private Set<String> labels = new HashSet<>();

    protected PurgeParent() {
    }

    public PurgeParent(Long id) {
        this.id = id;
    }

    public PurgeChild child(Long childId) {
        PurgeChild child = new PurgeChild(childId, this);
        children.add(child);
        return child;
    }

    public Long getId() {
        return id;
    }

    public List<PurgeChild> getChildren() {
        return children;
    }

    public Set<PurgeTag> getTags() {
        return tags;
    }

    public Set<String> getLabels() {
        return labels;
    }
}

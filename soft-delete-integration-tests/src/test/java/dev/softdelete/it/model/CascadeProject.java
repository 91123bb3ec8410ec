package dev.softdelete.it.model;

import dev.softdelete.SoftDelete;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToMany;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Set;

/** The inverse side of a many-to-many that cascades REMOVE: the child ({@link CascadeWorker}) writes the links. */
@Entity
@SoftDelete
public class CascadeProject {

    @Id
    @GeneratedValue
    private Long id;

    private Instant deletedAt;

    @ManyToMany(mappedBy = "projects", cascade = CascadeType.REMOVE)
    private Set<CascadeWorker> workers = new LinkedHashSet<>();

    public Long getId() {
        return id;
    }
}

package dev.softdelete.it.model;

import dev.softdelete.SoftDelete;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Set;

/** The owning side of {@link CascadeProject}'s many-to-many: a project's delete cascades to its workers. */
@Entity
@SoftDelete
public class CascadeWorker {

    @Id
    @GeneratedValue
    private Long id;

    private Instant deletedAt;

    @ManyToMany
    @JoinTable(name = "cascade_worker_project")
    private Set<CascadeProject> projects = new LinkedHashSet<>();

    public Long getId() {
        return id;
    }

    public Set<CascadeProject> getProjects() {
        return projects;
    }
}

package dev.softdelete.it.model;

import dev.softdelete.SoftDelete;
import dev.softdelete.SoftDeletableEntity;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;

import java.util.ArrayList;
import java.util.List;

/** A parent whose delete cascades to tasks that carry a unique code. */
@Entity
@SoftDelete
public class UniqueProject extends SoftDeletableEntity {

    @Id
    @GeneratedValue
    private Long id;

    private String name;

    @OneToMany(mappedBy = "project", cascade = {CascadeType.PERSIST, CascadeType.REMOVE})
    private List<UniqueTask> tasks = new ArrayList<>();

    protected UniqueProject() {
    }

    public UniqueProject(String name) {
        this.name = name;
    }

    public UniqueTask task(String code) {
        UniqueTask task = new UniqueTask(this, code);
        tasks.add(task);
        return task;
    }

    public Long getId() {
        return id;
    }
}

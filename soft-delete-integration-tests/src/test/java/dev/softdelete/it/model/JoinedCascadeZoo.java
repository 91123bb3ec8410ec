package dev.softdelete.it.model;

import dev.softdelete.SoftDelete;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Parent whose REMOVE cascade reaches the root of a JOINED hierarchy: the foreign key {@code zoo_id}
 * sits in the root table {@code joined_cascade_animal}, next to the children's marker.
 */
@Entity
@SoftDelete(deletedBy = "deletedBy", reason = "deleteReason")
public class JoinedCascadeZoo {

    @Id
    @GeneratedValue
    private Long id;

    private String name;

    private Instant deletedAt;

    private String deletedBy;

    private String deleteReason;

    @OneToMany(mappedBy = "zoo", cascade = CascadeType.ALL)
    private List<JoinedCascadeAnimal> animals = new ArrayList<>();

    protected JoinedCascadeZoo() {
    }

    public JoinedCascadeZoo(String name) {
        this.name = name;
    }

    /** Adds a child of the given kind (a plain animal, a bird or a fish), for the cascade to reach. */
    public JoinedCascadeAnimal add(JoinedCascadeAnimal animal) {
        animal.setZoo(this);
        animals.add(animal);
        return animal;
    }

    public Long getId() {
        return id;
    }

    public Instant getDeletedAt() {
        return deletedAt;
    }

    public List<JoinedCascadeAnimal> getAnimals() {
        return animals;
    }
}

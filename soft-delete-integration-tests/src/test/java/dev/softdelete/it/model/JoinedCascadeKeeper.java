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
 * Parent whose REMOVE cascade reaches one JOINED subclass, the birds, through a foreign key declared
 * by the root ({@code keeper_id} in {@code joined_cascade_animal}): other animals of the same keeper
 * are not in the collection and must not be reached.
 */
@Entity
@SoftDelete
public class JoinedCascadeKeeper {

    @Id
    @GeneratedValue
    private Long id;

    private Instant deletedAt;

    @OneToMany(mappedBy = "keeper", cascade = CascadeType.ALL)
    private List<JoinedCascadeBird> birds = new ArrayList<>();

    /** Adds a bird to the cascading collection. */
    public JoinedCascadeBird add(JoinedCascadeBird bird) {
        bird.setKeeper(this);
        birds.add(bird);
        return bird;
    }

    /** Makes the keeper look after an animal that is not in the cascading collection. */
    public <T extends JoinedCascadeAnimal> T alsoKeeps(T animal) {
        animal.setKeeper(this);
        return animal;
    }

    public Long getId() {
        return id;
    }
}

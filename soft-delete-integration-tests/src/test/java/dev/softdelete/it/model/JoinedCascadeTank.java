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
 * Parent whose REMOVE cascade reaches a JOINED subclass through a foreign key in the subclass table:
 * the children's ids must be selected from {@code joined_cascade_fish}, their marker set in
 * {@code joined_cascade_animal}. Records the actor but no reason of its own.
 */
@Entity
@SoftDelete(deletedBy = "deletedBy")
public class JoinedCascadeTank {

    @Id
    @GeneratedValue
    private Long id;

    private String label;

    private Instant deletedAt;

    private String deletedBy;

    @OneToMany(mappedBy = "tank", cascade = CascadeType.ALL)
    private List<JoinedCascadeFish> fish = new ArrayList<>();

    protected JoinedCascadeTank() {
    }

    public JoinedCascadeTank(String label) {
        this.label = label;
    }

    public JoinedCascadeFish add(JoinedCascadeFish one) {
        one.setTank(this);
        fish.add(one);
        return one;
    }

    public Long getId() {
        return id;
    }

    public Instant getDeletedAt() {
        return deletedAt;
    }

    public List<JoinedCascadeFish> getFish() {
        return fish;
    }
}

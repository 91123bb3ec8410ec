package dev.softdelete.it.model;

import dev.softdelete.SoftDelete;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.Inheritance;
import jakarta.persistence.InheritanceType;
import jakarta.persistence.ManyToOne;

import java.time.Instant;

/**
 * Root of a JOINED hierarchy reached by cascades: the marker, actor and reason live in this table,
 * the subclasses' own columns (among them a foreign key, for {@link JoinedCascadeFish}) in theirs.
 */
@Entity
@Inheritance(strategy = InheritanceType.JOINED)
@SoftDelete(deletedBy = "deletedBy", reason = "deleteReason")
public class JoinedCascadeAnimal {

    @Id
    @GeneratedValue
    private Long id;

    private String name;

    @ManyToOne(fetch = FetchType.LAZY)
    private JoinedCascadeZoo zoo;

    @ManyToOne(fetch = FetchType.LAZY)
    private JoinedCascadeKeeper keeper;

    private Instant deletedAt;

    private String deletedBy;

    private String deleteReason;

    protected JoinedCascadeAnimal() {
    }

    public JoinedCascadeAnimal(String name) {
        this.name = name;
    }

    public Long getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    void setZoo(JoinedCascadeZoo zoo) {
        this.zoo = zoo;
    }

    void setKeeper(JoinedCascadeKeeper keeper) {
        this.keeper = keeper;
    }

    public Instant getDeletedAt() {
        return deletedAt;
    }
}

package dev.softdelete.it.model;

import dev.softdelete.SoftDelete;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;

import java.time.Instant;

/** The grandchild level below the JOINED subclass {@link JoinedCascadeFish}; marker only, no actor or reason. */
@Entity
@SoftDelete
public class JoinedCascadeCheckup {

    @Id
    @GeneratedValue
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY)
    private JoinedCascadeFish fish;

    private String note;

    private Instant deletedAt;

    protected JoinedCascadeCheckup() {
    }

    JoinedCascadeCheckup(JoinedCascadeFish fish, String note) {
        this.fish = fish;
        this.note = note;
    }

    public Long getId() {
        return id;
    }

    public String getNote() {
        return note;
    }

    public Instant getDeletedAt() {
        return deletedAt;
    }
}

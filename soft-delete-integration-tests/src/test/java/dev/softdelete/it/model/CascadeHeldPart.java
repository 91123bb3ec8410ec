package dev.softdelete.it.model;

import dev.softdelete.SoftDelete;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;

import java.time.Instant;

/** A row below {@link CascadeHeld}: it goes and comes back with it. */
@Entity
@SoftDelete
public class CascadeHeldPart {

    @Id
    @GeneratedValue
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY)
    private CascadeHeld held;

    private Instant deletedAt;

    protected CascadeHeldPart() {
    }

    CascadeHeldPart(CascadeHeld held) {
        this.held = held;
    }

    public Long getId() {
        return id;
    }
}

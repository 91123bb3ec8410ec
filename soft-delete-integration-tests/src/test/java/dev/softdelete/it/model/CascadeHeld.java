package dev.softdelete.it.model;

import dev.softdelete.SoftDelete;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;

import java.time.Instant;

/** A row with two parents whose deletes both cascade to it. */
@Entity
@SoftDelete
public class CascadeHeld {

    @Id
    @GeneratedValue
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY)
    private CascadeHolderA holderA;

    @ManyToOne(fetch = FetchType.LAZY)
    private CascadeHolderB holderB;

    private Instant deletedAt;

    protected CascadeHeld() {
    }

    public CascadeHeld(CascadeHolderA holderA, CascadeHolderB holderB) {
        this.holderA = holderA;
        this.holderB = holderB;
    }

    public Long getId() {
        return id;
    }

    public void setHolderB(CascadeHolderB holderB) {
        this.holderB = holderB;
    }
}

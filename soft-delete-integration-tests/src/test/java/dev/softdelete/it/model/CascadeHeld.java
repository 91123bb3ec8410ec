package dev.softdelete.it.model;

import dev.softdelete.SoftDelete;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** A row with two parents whose deletes both cascade to it, and parts its own delete cascades to. */
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

    @OneToMany(mappedBy = "held", cascade = {CascadeType.PERSIST, CascadeType.REMOVE})
    private List<CascadeHeldPart> parts = new ArrayList<>();

    protected CascadeHeld() {
    }

    public CascadeHeld(CascadeHolderA holderA, CascadeHolderB holderB) {
        this.holderA = holderA;
        this.holderB = holderB;
    }

    public CascadeHeldPart part() {
        CascadeHeldPart part = new CascadeHeldPart(this);
        parts.add(part);
        return part;
    }

    public Long getId() {
        return id;
    }

    public void setHolderB(CascadeHolderB holderB) {
        this.holderB = holderB;
    }
}

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

/** A row that both sides of a {@link CascadeDiamond} may lead to; its delete cascades to its parts. */
@Entity
@SoftDelete
public class CascadeDiamondRow {

    @Id
    @GeneratedValue
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY)
    private CascadeDiamond leftSide;

    @ManyToOne(fetch = FetchType.LAZY)
    private CascadeDiamond rightSide;

    private Instant deletedAt;

    @OneToMany(mappedBy = "row", cascade = {CascadeType.PERSIST, CascadeType.REMOVE})
    private List<CascadeDiamondPart> parts = new ArrayList<>();

    protected CascadeDiamondRow() {
    }

    CascadeDiamondRow(CascadeDiamond leftSide, CascadeDiamond rightSide, int parts) {
        this.leftSide = leftSide;
        this.rightSide = rightSide;
        for (int i = 0; i < parts; i++) {
            this.parts.add(new CascadeDiamondPart(this));
        }
    }

    public Long getId() {
        return id;
    }
}

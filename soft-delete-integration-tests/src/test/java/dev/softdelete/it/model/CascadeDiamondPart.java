package dev.softdelete.it.model;

import dev.softdelete.SoftDelete;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;

import java.time.Instant;

/** The bottom of a {@link CascadeDiamond}: it goes and comes back with its row. */
@Entity
@SoftDelete
public class CascadeDiamondPart {

    @Id
    @GeneratedValue
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY)
    private CascadeDiamondRow row;

    private Instant deletedAt;

    protected CascadeDiamondPart() {
    }

    CascadeDiamondPart(CascadeDiamondRow row) {
        this.row = row;
    }

    public Long getId() {
        return id;
    }
}

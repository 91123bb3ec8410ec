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
 * The top of a diamond: its delete reaches {@link CascadeDiamondRow}s by two associations, and a row may
 * hang on both.
 */
@Entity
@SoftDelete
public class CascadeDiamond {

    @Id
    @GeneratedValue
    private Long id;

    private Instant deletedAt;

    @OneToMany(mappedBy = "leftSide", cascade = {CascadeType.PERSIST, CascadeType.REMOVE})
    private List<CascadeDiamondRow> leftRows = new ArrayList<>();

    @OneToMany(mappedBy = "rightSide", cascade = {CascadeType.PERSIST, CascadeType.REMOVE})
    private List<CascadeDiamondRow> rightRows = new ArrayList<>();

    /** A row under this diamond on the left side, the right side, or both, with {@code parts} parts. */
    public CascadeDiamondRow row(boolean left, boolean right, int parts) {
        CascadeDiamondRow row = new CascadeDiamondRow(left ? this : null, right ? this : null, parts);
        if (left) {
            leftRows.add(row);
        }
        if (right) {
            rightRows.add(row);
        }
        return row;
    }

    public Long getId() {
        return id;
    }
}

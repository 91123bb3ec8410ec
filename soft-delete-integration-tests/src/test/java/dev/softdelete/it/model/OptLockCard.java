package dev.softdelete.it.model;

import dev.softdelete.SoftDelete;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.SecondaryTable;
import org.hibernate.annotations.DynamicUpdate;
import org.hibernate.annotations.OptimisticLockType;
import org.hibernate.annotations.OptimisticLocking;

import java.time.Instant;

/**
 * Locked by its loaded state, with a column in a secondary table: the marker lives in the primary table
 * (Hibernate refuses this locking on a JOINED subclass, so a secondary table is the case of two tables).
 * A null {@code payload} leaves the optional secondary table without a row.
 */
@Entity
@SoftDelete
@DynamicUpdate
@OptimisticLocking(type = OptimisticLockType.ALL)
@SecondaryTable(name = "opt_lock_card_detail")
public class OptLockCard {

    @Id
    private Long id;

    private String label;

    @Column(table = "opt_lock_card_detail")
    private Integer payload;

    private Instant deletedAt;

    protected OptLockCard() {
    }

    public OptLockCard(Long id, String label, Integer payload) {
        this.id = id;
        this.label = label;
        this.payload = payload;
    }

    public void setPayload(Integer payload) {
        this.payload = payload;
    }
}

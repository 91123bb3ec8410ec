package dev.softdelete.it.model;

import dev.softdelete.SoftDelete;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;

import java.time.Instant;

/** A hold on a ring node: while it is live, its node cannot be deleted. */
@Entity
@SoftDelete
public class PolicyRingHold {

    @Id
    @GeneratedValue
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY)
    private PolicyRingNode node;

    private Instant deletedAt;

    protected PolicyRingHold() {
    }

    public PolicyRingHold(PolicyRingNode node) {
        this.node = node;
    }

    public Long getId() {
        return id;
    }
}

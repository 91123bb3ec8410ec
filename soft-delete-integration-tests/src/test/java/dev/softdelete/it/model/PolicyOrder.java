package dev.softdelete.it.model;

import dev.softdelete.SoftDelete;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;

import java.time.Instant;

/** A soft-deletable order; its customer's DENY association counts it while it is live. */
@Entity
@SoftDelete
public class PolicyOrder {

    @Id
    @GeneratedValue
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY)
    private PolicyCustomer customer;

    private String number;

    private Instant deletedAt;

    protected PolicyOrder() {
    }

    public PolicyOrder(PolicyCustomer customer, String number) {
        this.customer = customer;
        this.number = number;
    }

    public Long getId() {
        return id;
    }

    public Instant getDeletedAt() {
        return deletedAt;
    }
}

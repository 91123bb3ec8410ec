package dev.softdelete.it.model;

import dev.softdelete.SoftDelete;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;

import java.time.Instant;

/** Soft-deleted with its customer through @OnSoftDelete(CASCADE), without a REMOVE cascade. */
@Entity
@SoftDelete
public class PolicyAddress {

    @Id
    @GeneratedValue
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY)
    private PolicyCustomer customer;

    private String street;

    private Instant deletedAt;

    protected PolicyAddress() {
    }

    public PolicyAddress(PolicyCustomer customer, String street) {
        this.customer = customer;
        this.street = street;
    }

    public Long getId() {
        return id;
    }

    public Instant getDeletedAt() {
        return deletedAt;
    }
}

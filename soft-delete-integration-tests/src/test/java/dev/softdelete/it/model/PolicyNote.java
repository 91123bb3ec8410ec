package dev.softdelete.it.model;

import dev.softdelete.SoftDelete;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;

import java.time.Instant;

/** Kept live and linked when its customer is deleted (@OnSoftDelete(KEEP)). */
@Entity
@SoftDelete
public class PolicyNote {

    @Id
    @GeneratedValue
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY)
    private PolicyCustomer customer;

    private String text;

    private Instant deletedAt;

    protected PolicyNote() {
    }

    public PolicyNote(PolicyCustomer customer, String text) {
        this.customer = customer;
        this.text = text;
    }

    public Long getId() {
        return id;
    }

    public Instant getDeletedAt() {
        return deletedAt;
    }
}

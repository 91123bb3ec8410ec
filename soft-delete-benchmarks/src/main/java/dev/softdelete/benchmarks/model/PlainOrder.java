package dev.softdelete.benchmarks.model;

import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;

import java.time.Instant;

/** The baseline twin of {@link SoftOrder}. */
@Entity
public class PlainOrder {

    @Id
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    private PlainCustomer customer;

    private String item;

    private long amountCents;

    private Instant deletedAt;

    protected PlainOrder() {
    }

    PlainOrder(long id, PlainCustomer customer, String item, long amountCents) {
        this.id = id;
        this.customer = customer;
        this.item = item;
        this.amountCents = amountCents;
    }

    public Long getId() {
        return id;
    }

    public PlainCustomer getCustomer() {
        return customer;
    }

    public String getItem() {
        return item;
    }

    public long getAmountCents() {
        return amountCents;
    }

    public Instant getDeletedAt() {
        return deletedAt;
    }

    public void setDeletedAt(Instant deletedAt) {
        this.deletedAt = deletedAt;
    }
}

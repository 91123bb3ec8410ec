package dev.softdelete.benchmarks.model;

import dev.softdelete.SoftDelete;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;

import java.time.Instant;

/** An order of a {@link SoftCustomer}; soft-deletable itself, so the orders collection is restricted. */
@Entity
@SoftDelete
public class SoftOrder {

    @Id
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    private SoftCustomer customer;

    private String item;

    private long amountCents;

    private Instant deletedAt;

    protected SoftOrder() {
    }

    SoftOrder(long id, SoftCustomer customer, String item, long amountCents) {
        this.id = id;
        this.customer = customer;
        this.item = item;
        this.amountCents = amountCents;
    }

    public Long getId() {
        return id;
    }

    public SoftCustomer getCustomer() {
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

}

package dev.softdelete.it.model;

import dev.softdelete.SoftDeletable;
import dev.softdelete.SoftDelete;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;

import java.time.Instant;

@Entity
@SoftDelete
public class PurchaseOrder implements SoftDeletable {

    @Id
    @GeneratedValue
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY)
    private Customer customer;

    private String item;

    private Instant deletedAt;

    protected PurchaseOrder() {
    }

    PurchaseOrder(Customer customer, String item) {
        this.customer = customer;
        this.item = item;
    }

    public Long getId() {
        return id;
    }

    public Customer getCustomer() {
        return customer;
    }

    public String getItem() {
        return item;
    }

    public void setItem(String item) {
        this.item = item;
    }

    @Override
    public Instant getDeletedAt() {
        return deletedAt;
    }
}

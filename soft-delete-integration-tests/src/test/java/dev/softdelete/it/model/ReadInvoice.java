package dev.softdelete.it.model;

import dev.softdelete.SoftDeletable;
import dev.softdelete.SoftDelete;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;

import java.time.Instant;

/** A soft-deletable entity with an EAGER to-one to a soft-deletable {@link Customer}. */
@Entity
@SoftDelete
public class ReadInvoice implements SoftDeletable {

    @Id
    @GeneratedValue
    private Long id;

    @ManyToOne(fetch = FetchType.EAGER)
    private Customer customer;

    private String number;

    private Instant deletedAt;

    protected ReadInvoice() {
    }

    public ReadInvoice(Customer customer, String number) {
        this.customer = customer;
        this.number = number;
    }

    public Long getId() {
        return id;
    }

    public Customer getCustomer() {
        return customer;
    }

    public String getNumber() {
        return number;
    }

    @Override
    public Instant getDeletedAt() {
        return deletedAt;
    }
}

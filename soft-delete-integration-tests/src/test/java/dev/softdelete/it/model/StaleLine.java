package dev.softdelete.it.model;

import dev.softdelete.SoftDelete;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;
import org.hibernate.annotations.DynamicUpdate;

import java.time.Instant;

/** Unversioned, with dynamic updates: the UPDATE names only the changed column. */
@Entity
@DynamicUpdate
@SoftDelete
public class StaleLine {

    @Id
    @GeneratedValue
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY)
    private StaleCustomer customer;

    private int quantity;

    private Instant deletedAt;

    protected StaleLine() {
    }

    StaleLine(StaleCustomer customer, int quantity) {
        this.customer = customer;
        this.quantity = quantity;
    }

    public Long getId() {
        return id;
    }

    public int getQuantity() {
        return quantity;
    }

    public void setQuantity(int quantity) {
        this.quantity = quantity;
    }
}

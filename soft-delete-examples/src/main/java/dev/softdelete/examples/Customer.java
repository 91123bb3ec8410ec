package dev.softdelete.examples;

import dev.softdelete.SoftDeletable;
import dev.softdelete.DeletePolicy;
import dev.softdelete.OnSoftDelete;
import dev.softdelete.SoftDelete;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.Version;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A customer of the demo shop. Removing one keeps the row and records when, by whom and why.
 */
@Entity
@SoftDelete(deletedBy = "deletedBy", reason = "deleteReason")
public class Customer implements SoftDeletable {

    @Id
    @GeneratedValue
    private Long id;

    private String name;

    private String email;

    @Version
    private long version;

    private Instant deletedAt;

    private String deletedBy;

    private String deleteReason;

    // KEEP is what an association without a REMOVE cascade does anyway; the annotation says so
    @OneToMany(mappedBy = "customer", cascade = CascadeType.PERSIST)
    @OnSoftDelete(DeletePolicy.KEEP)
    private List<Order> orders = new ArrayList<>();

    /** For Hibernate. */
    protected Customer() {
    }

    /**
     * Creates an active customer.
     *
     * @param name  the display name
     * @param email the e-mail address
     */
    public Customer(String name, String email) {
        this.name = name;
        this.email = email;
    }

    /**
     * Adds an order; it is persisted with the customer.
     *
     * @param item what was ordered
     * @return the new order
     */
    public Order order(String item) {
        Order order = new Order(this, item);
        orders.add(order);
        return order;
    }

    /** @return the identifier */
    public Long getId() {
        return id;
    }

    /** @return the display name */
    public String getName() {
        return name;
    }

    /** @return the e-mail address */
    public String getEmail() {
        return email;
    }

    @Override
    public Instant getDeletedAt() {
        return deletedAt;
    }

    /** @return who deleted the customer, or null while active */
    public String getDeletedBy() {
        return deletedBy;
    }

    /** @return why the customer was deleted, or null while active */
    public String getDeleteReason() {
        return deleteReason;
    }

    /** @return the customer's live orders */
    public List<Order> getOrders() {
        return orders;
    }
}

package dev.softdelete.examples;

import dev.softdelete.SoftDeletableEntity;
import dev.softdelete.SoftDelete;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/**
 * An order of the demo shop. It takes its {@code deleted_at} and {@code deleted_by} columns from
 * {@link SoftDeletableEntity}; the table is {@code orders} because {@code order} is an SQL keyword.
 */
@Entity
@Table(name = "orders")
@SoftDelete(deletedBy = "deletedBy")
public class Order extends SoftDeletableEntity {

    @Id
    @GeneratedValue
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    private Customer customer;

    private String item;

    /** For Hibernate. */
    protected Order() {
    }

    Order(Customer customer, String item) {
        this.customer = customer;
        this.item = item;
    }

    /** @return the identifier */
    public Long getId() {
        return id;
    }

    /** @return the customer, loaded even when that customer is soft-deleted */
    public Customer getCustomer() {
        return customer;
    }

    /** @return what was ordered */
    public String getItem() {
        return item;
    }
}

package dev.softdelete.it.docs.guide.policies;

import dev.softdelete.SoftDelete;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import java.time.Instant;

/** The order of the guide's delete-policy samples (soft-deletable). */
@Entity
@SoftDelete
@Table(name = "policy_orders")
public class Order {

    @Id
    @GeneratedValue
    Long id;

    @ManyToOne(fetch = FetchType.LAZY)
    Customer customer;

    Instant deletedAt;

    protected Order() {
    }

    Order(Customer customer) {
        this.customer = customer;
    }
}

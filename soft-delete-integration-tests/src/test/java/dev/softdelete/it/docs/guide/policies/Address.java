package dev.softdelete.it.docs.guide.policies;

import dev.softdelete.SoftDelete;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import java.time.Instant;

/** The address of the guide's delete-policy samples (soft-deletable). */
@Entity
@SoftDelete
@Table(name = "policy_address")
public class Address {

    @Id
    @GeneratedValue
    Long id;

    @ManyToOne(fetch = FetchType.LAZY)
    Customer customer;

    Instant deletedAt;

    protected Address() {
    }

    Address(Customer customer) {
        this.customer = customer;
    }
}

package dev.softdelete.it.docs.testing;

import dev.softdelete.SoftDelete;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;

import java.time.Instant;

/** The customer of docs/testing.md's sample test. */
@Entity
@SoftDelete(deletedBy = "deletedBy", reason = "deleteReason")
public class Customer {

    @Id
    @GeneratedValue
    private Long id;

    private String email;

    private Instant deletedAt;

    private String deletedBy;

    private String deleteReason;

    protected Customer() {
    }

    public Customer(String email) {
        this.email = email;
    }

    public Long getId() {
        return id;
    }
}

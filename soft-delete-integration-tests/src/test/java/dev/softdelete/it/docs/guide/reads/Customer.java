package dev.softdelete.it.docs.guide.reads;

import dev.softdelete.SoftDeletable;
import dev.softdelete.SoftDelete;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;

import java.time.Instant;

/** A customer of the guide's to-one samples. */
@Entity
@SoftDelete
public class Customer implements SoftDeletable {

    @Id
    @GeneratedValue
    Long id;

    String name;

    Instant deletedAt;

    protected Customer() {
    }

    Customer(String name) {
        this.name = name;
    }

    @Override
    public Instant getDeletedAt() {
        return deletedAt;
    }
}

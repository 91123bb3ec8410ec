package dev.softdelete.it.docs.readme;

import dev.softdelete.SoftDeletable;
import dev.softdelete.SoftDelete;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;

import java.time.Instant;

// tag::readme-entity[]
@Entity @SoftDelete(deletedBy = "deletedBy")
public class Customer implements SoftDeletable {
    @Id @GeneratedValue Long id;
    Instant deletedAt;                    // null = active
    String deletedBy;                     // from the configured ActorProvider
    public Instant getDeletedAt() { return deletedAt; }
}
// end::readme-entity[]

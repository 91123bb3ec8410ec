package dev.softdelete.it.docs.guide;

import dev.softdelete.SoftDeletable;
import dev.softdelete.SoftDelete;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.Version;

import java.time.Instant;

// tag::guide-entity[]
@Entity
@SoftDelete(deletedBy = "deletedBy", reason = "deleteReason")
public class Customer implements SoftDeletable {    // SoftDeletable is optional
    @Id @GeneratedValue Long id;
    String email;
    @Version long version;                          // optional, honoured
    Instant deletedAt;                              // null = active: the marker
    String deletedBy;                               // filled from the ActorProvider
    String deleteReason;                            // filled from deletingBecause(...)
    public Instant getDeletedAt() { return deletedAt; }
}
// end::guide-entity[]

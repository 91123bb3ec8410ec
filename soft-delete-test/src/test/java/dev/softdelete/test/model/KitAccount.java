package dev.softdelete.test.model;

import dev.softdelete.SoftDeletable;
import dev.softdelete.SoftDelete;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;

import java.time.Instant;

@Entity
@SoftDelete(deletedBy = "deletedBy", reason = "reason")
public class KitAccount implements SoftDeletable {

    @Id
    private Long id;

    private String name;

    private Instant deletedAt;

    private String deletedBy;

    private String reason;

    protected KitAccount() {
    }

    public KitAccount(Long id, String name) {
        this.id = id;
        this.name = name;
    }

    /** For assertion tests that need a deleted instance without a database. */
    public static KitAccount deleted(Long id, Instant at, String by, String reason) {
        KitAccount account = new KitAccount(id, "deleted");
        account.deletedAt = at;
        account.deletedBy = by;
        account.reason = reason;
        return account;
    }

    public Long getId() {
        return id;
    }

    @Override
    public Instant getDeletedAt() {
        return deletedAt;
    }
}

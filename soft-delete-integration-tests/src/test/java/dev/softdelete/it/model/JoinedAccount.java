package dev.softdelete.it.model;

import dev.softdelete.SoftDeletable;
import dev.softdelete.SoftDelete;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Inheritance;
import jakarta.persistence.InheritanceType;
import jakarta.persistence.Version;

import java.time.Instant;

/** Root of a JOINED hierarchy: the marker lives in the root table only. */
@Entity
@Inheritance(strategy = InheritanceType.JOINED)
@SoftDelete(deletedBy = "deletedBy")
public class JoinedAccount implements SoftDeletable {

    @Id
    private Long id;

    private String owner;

    @Version
    private long version;

    private Instant deletedAt;

    private String deletedBy;

    protected JoinedAccount() {
    }

    public JoinedAccount(Long id, String owner) {
        this.id = id;
        this.owner = owner;
    }

    public Long getId() {
        return id;
    }

    public String getOwner() {
        return owner;
    }

    public long getVersion() {
        return version;
    }

    @Override
    public Instant getDeletedAt() {
        return deletedAt;
    }

    public String getDeletedBy() {
        return deletedBy;
    }
}

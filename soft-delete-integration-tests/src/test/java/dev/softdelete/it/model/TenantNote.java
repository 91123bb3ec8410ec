package dev.softdelete.it.model;

import dev.softdelete.SoftDelete;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import org.hibernate.annotations.TenantId;

import java.time.Instant;

/** Owned by a tenant ({@code @TenantId}): Hibernate's tenant filter hides the rows of other tenants. */
@Entity
@SoftDelete(deletedBy = "deletedBy")
public class TenantNote {

    @Id
    private Long id;

    @TenantId
    private String tenant;

    private String title;

    private Instant deletedAt;

    private String deletedBy;

    protected TenantNote() {
    }

    public TenantNote(Long id, String title) {
        this.id = id;
        this.title = title;
    }

    public Long getId() {
        return id;
    }
}

package dev.softdelete.it.model;

import dev.softdelete.SoftDelete;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;

/** Actor and reason in unbounded text columns, for values of any size. */
@Entity
@SoftDelete(deletedBy = "deletedBy", reason = "reason")
public class HostileNote {

    @Id
    @GeneratedValue
    private Long id;

    private String title;

    private Instant deletedAt;

    @JdbcTypeCode(SqlTypes.LONG32VARCHAR)
    private String deletedBy;

    @JdbcTypeCode(SqlTypes.LONG32VARCHAR)
    private String reason;

    protected HostileNote() {
    }

    public HostileNote(String title) {
        this.title = title;
    }

    public Long getId() {
        return id;
    }
}

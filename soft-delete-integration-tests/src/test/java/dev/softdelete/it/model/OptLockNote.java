package dev.softdelete.it.model;

import dev.softdelete.SoftDelete;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import org.hibernate.annotations.DynamicUpdate;
import org.hibernate.annotations.OptimisticLockType;
import org.hibernate.annotations.OptimisticLocking;

import java.time.Instant;

/** Versionless, locked by its whole loaded state; {@code body} starts null (checked as {@code is null}). */
@Entity
@SoftDelete
@DynamicUpdate
@OptimisticLocking(type = OptimisticLockType.ALL)
public class OptLockNote {

    @Id
    private Long id;

    private String title;

    private String body;

    private Instant deletedAt;

    protected OptLockNote() {
    }

    public OptLockNote(Long id, String title) {
        this.id = id;
        this.title = title;
    }

    public void setTitle(String title) {
        this.title = title;
    }
}

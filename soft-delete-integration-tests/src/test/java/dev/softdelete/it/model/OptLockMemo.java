package dev.softdelete.it.model;

import dev.softdelete.SoftDelete;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import org.hibernate.annotations.DynamicUpdate;
import org.hibernate.annotations.OptimisticLockType;
import org.hibernate.annotations.OptimisticLocking;

import java.time.Instant;

/** Versionless, locked by its dirty state on update (and, as Hibernate does, its whole loaded state on delete). */
@Entity
@SoftDelete
@DynamicUpdate
@OptimisticLocking(type = OptimisticLockType.DIRTY)
public class OptLockMemo {

    @Id
    private Long id;

    private String title;

    private Instant deletedAt;

    protected OptLockMemo() {
    }

    public OptLockMemo(Long id, String title) {
        this.id = id;
        this.title = title;
    }

    public void setTitle(String title) {
        this.title = title;
    }
}

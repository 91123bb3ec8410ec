package dev.softdelete.it.model;

import dev.softdelete.SoftDelete;
import jakarta.persistence.Cacheable;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import org.hibernate.annotations.Cache;
import org.hibernate.annotations.CacheConcurrencyStrategy;

import java.time.Instant;

/** Cached and soft-deletable; the target of a cached many-to-many. */
@Entity
@SoftDelete
@Cacheable
@Cache(usage = CacheConcurrencyStrategy.READ_WRITE)
public class CacheLabel {

    @Id
    @GeneratedValue
    private Long id;

    private String name;

    private Instant deletedAt;

    protected CacheLabel() {
    }

    public CacheLabel(String name) {
        this.name = name;
    }

    public Long getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public Instant getDeletedAt() {
        return deletedAt;
    }
}

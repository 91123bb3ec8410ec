package dev.softdelete.it.model;

import dev.softdelete.SoftDelete;
import jakarta.persistence.Cacheable;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;
import org.hibernate.annotations.Cache;
import org.hibernate.annotations.CacheConcurrencyStrategy;

import java.time.Instant;

/** Cached and soft-deletable; deleted with its order. */
@Entity
@SoftDelete
@Cacheable
@Cache(usage = CacheConcurrencyStrategy.READ_WRITE)
public class CacheLine {

    @Id
    @GeneratedValue
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY)
    private CacheOrder order;

    private String item;

    private Instant deletedAt;

    protected CacheLine() {
    }

    public CacheLine(CacheOrder order, String item) {
        this.order = order;
        this.item = item;
        order.getLines().add(this);
    }

    public Long getId() {
        return id;
    }

    public String getItem() {
        return item;
    }

    public Instant getDeletedAt() {
        return deletedAt;
    }
}

package dev.softdelete.it.model;

import dev.softdelete.SoftDelete;
import jakarta.persistence.Cacheable;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import org.hibernate.annotations.Cache;
import org.hibernate.annotations.CacheConcurrencyStrategy;
import org.hibernate.annotations.NaturalId;
import org.hibernate.annotations.NaturalIdCache;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Cached and soft-deletable; its lines cascade, its labels are a cached many-to-many. */
@Entity
@SoftDelete
@Cacheable
@Cache(usage = CacheConcurrencyStrategy.READ_WRITE)
@NaturalIdCache
public class CacheOrder {

    @Id
    @GeneratedValue
    private Long id;

    @NaturalId
    private String number;

    @ManyToOne(fetch = FetchType.LAZY)
    private CacheShop shop;

    @OneToMany(mappedBy = "order", cascade = CascadeType.REMOVE)
    @Cache(usage = CacheConcurrencyStrategy.READ_WRITE)
    private List<CacheLine> lines = new ArrayList<>();

    @ManyToMany
    @JoinTable(name = "cache_order_label")
    @Cache(usage = CacheConcurrencyStrategy.READ_WRITE)
    private Set<CacheLabel> labels = new LinkedHashSet<>();

    private Instant deletedAt;

    protected CacheOrder() {
    }

    public CacheOrder(CacheShop shop, String number) {
        this.shop = shop;
        this.number = number;
        shop.getOrders().add(this);
    }

    public Long getId() {
        return id;
    }

    public String getNumber() {
        return number;
    }

    public CacheShop getShop() {
        return shop;
    }

    public List<CacheLine> getLines() {
        return lines;
    }

    public Set<CacheLabel> getLabels() {
        return labels;
    }

    public Instant getDeletedAt() {
        return deletedAt;
    }
}

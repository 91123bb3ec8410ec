package dev.softdelete.it.model;

import dev.softdelete.SoftDelete;
import jakarta.persistence.Cacheable;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.MapKey;
import jakarta.persistence.OneToMany;
import org.hibernate.annotations.BatchSize;
import org.hibernate.annotations.Cache;
import org.hibernate.annotations.CacheConcurrencyStrategy;
import org.hibernate.annotations.Fetch;
import org.hibernate.annotations.FetchMode;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The owner of the leak matrix: its items in every fetch style, picked items, and notes. */
@Entity
@SoftDelete
@Cacheable
@Cache(usage = CacheConcurrencyStrategy.READ_WRITE)
public class MatrixOwner {

    @Id
    @GeneratedValue
    private Long id;

    private String name;

    @OneToMany(mappedBy = "owner")
    @Cache(usage = CacheConcurrencyStrategy.READ_WRITE)
    private List<MatrixItem> lazyItems = new ArrayList<>();

    @OneToMany(mappedBy = "owner", fetch = FetchType.EAGER)
    @Fetch(FetchMode.SELECT)
    private Set<MatrixItem> eagerItems = new LinkedHashSet<>();

    @OneToMany(mappedBy = "owner")
    @BatchSize(size = 10)
    private List<MatrixItem> batchItems = new ArrayList<>();

    @OneToMany(mappedBy = "owner")
    @Fetch(FetchMode.SUBSELECT)
    private List<MatrixItem> subselectItems = new ArrayList<>();

    @OneToMany(mappedBy = "owner")
    @MapKey(name = "code")
    private Map<String, MatrixItem> itemsByCode = new HashMap<>();

    @ManyToMany
    @JoinTable(name = "matrix_owner_pick")
    private Set<MatrixItem> picks = new LinkedHashSet<>();

    @ElementCollection
    @CollectionTable(name = "matrix_owner_note")
    private List<String> notes = new ArrayList<>();

    private Instant deletedAt;

    protected MatrixOwner() {
    }

    public MatrixOwner(String name) {
        this.name = name;
        this.notes.add(name);
    }

    public Map<String, MatrixItem> getItemsByCode() {
        return itemsByCode;
    }

    public Long getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public List<MatrixItem> getLazyItems() {
        return lazyItems;
    }

    public Set<MatrixItem> getEagerItems() {
        return eagerItems;
    }

    public List<MatrixItem> getBatchItems() {
        return batchItems;
    }

    public List<MatrixItem> getSubselectItems() {
        return subselectItems;
    }

    public Set<MatrixItem> getPicks() {
        return picks;
    }

    public List<String> getNotes() {
        return notes;
    }
}

package dev.softdelete.it.model;

import dev.softdelete.SoftDeletable;
import dev.softdelete.SoftDelete;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** A soft-deletable owner whose collections are EAGER: the read tests check they are filtered when fetched. */
@Entity
@SoftDelete
public class ReadShelf implements SoftDeletable {

    @Id
    @GeneratedValue
    private Long id;

    private String label;

    private Instant deletedAt;

    @OneToMany(mappedBy = "shelf", fetch = FetchType.EAGER)
    @OrderBy("id")
    private List<ReadBook> books = new ArrayList<>();

    @ManyToMany(fetch = FetchType.EAGER)
    @JoinTable(name = "read_shelf_tag")
    private Set<Tag> tags = new LinkedHashSet<>();

    protected ReadShelf() {
    }

    public ReadShelf(String label) {
        this.label = label;
    }

    public Long getId() {
        return id;
    }

    public String getLabel() {
        return label;
    }

    @Override
    public Instant getDeletedAt() {
        return deletedAt;
    }

    public List<ReadBook> getBooks() {
        return books;
    }

    public Set<Tag> getTags() {
        return tags;
    }
}

package dev.softdelete.it.model;

import dev.softdelete.SoftDelete;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToMany;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A parent whose string id sits in a {@code CHAR} column, which PostgreSQL and H2 return padded with
 * spaces: the id read back differs from the one the application holds.
 */
@Entity
@SoftDelete
public class PaddedShelf {

    @Id
    @Column(columnDefinition = "char(8)")
    private String code;

    private Instant deletedAt;

    @OneToMany(cascade = CascadeType.REMOVE)
    @JoinColumn(name = "shelf_code", columnDefinition = "char(8)")
    private List<PaddedBook> books = new ArrayList<>();

    protected PaddedShelf() {
    }

    public PaddedShelf(String code) {
        this.code = code;
    }

    public List<PaddedBook> getBooks() {
        return books;
    }
}

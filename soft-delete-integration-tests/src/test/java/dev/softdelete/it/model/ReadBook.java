package dev.softdelete.it.model;

import dev.softdelete.SoftDeletable;
import dev.softdelete.SoftDelete;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;

import java.time.Instant;

/** The soft-deletable element of {@link ReadShelf#getBooks()}. */
@Entity
@SoftDelete
public class ReadBook implements SoftDeletable {

    @Id
    @GeneratedValue
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY)
    private ReadShelf shelf;

    private String title;

    private Instant deletedAt;

    protected ReadBook() {
    }

    public ReadBook(ReadShelf shelf, String title) {
        this.shelf = shelf;
        this.title = title;
    }

    public Long getId() {
        return id;
    }

    public ReadShelf getShelf() {
        return shelf;
    }

    public String getTitle() {
        return title;
    }

    @Override
    public Instant getDeletedAt() {
        return deletedAt;
    }
}

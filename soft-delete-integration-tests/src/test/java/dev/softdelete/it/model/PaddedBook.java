package dev.softdelete.it.model;

import dev.softdelete.SoftDelete;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;

import java.time.Instant;

/** A book a {@link PaddedShelf} holds through a unidirectional collection. */
@Entity
@SoftDelete
public class PaddedBook {

    @Id
    @GeneratedValue
    private Long id;

    private Instant deletedAt;

    public Long getId() {
        return id;
    }
}

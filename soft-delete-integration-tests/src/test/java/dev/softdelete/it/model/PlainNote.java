package dev.softdelete.it.model;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;

/** A plain entity: not soft-deletable. */
@Entity
public class PlainNote {

    @Id
    private Long id;

    private String text;

    protected PlainNote() {
    }

    public PlainNote(Long id, String text) {
        this.id = id;
        this.text = text;
    }

    public Long getId() {
        return id;
    }
}

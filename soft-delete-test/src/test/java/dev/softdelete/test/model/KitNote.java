package dev.softdelete.test.model;

import dev.softdelete.SoftDelete;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;

import java.time.Instant;

/** Soft-deletable without implementing SoftDeletable, and without getters: read through its fields. */
@Entity
@SoftDelete(attribute = "removedOn")
public class KitNote {

    @Id
    private Long id;

    private String text;

    private Instant removedOn;

    protected KitNote() {
    }

    public KitNote(Long id, String text) {
        this.id = id;
        this.text = text;
    }

    public static KitNote removed(Long id, Instant on) {
        KitNote note = new KitNote(id, "removed");
        note.removedOn = on;
        return note;
    }
}

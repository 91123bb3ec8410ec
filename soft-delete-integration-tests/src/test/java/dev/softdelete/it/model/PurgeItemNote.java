package dev.softdelete.it.model;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;

/** A plain (hard) entity referencing a PurgeItem: a purge of that item must fail on the foreign key. */
@Entity
public class PurgeItemNote {

    @Id
    private Long id;

    @ManyToOne
    private PurgeItem item;

    protected PurgeItemNote() {
    }

    public PurgeItemNote(Long id, PurgeItem item) {
        this.id = id;
        this.item = item;
    }
}

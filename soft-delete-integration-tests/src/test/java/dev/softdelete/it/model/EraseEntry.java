package dev.softdelete.it.model;

import dev.softdelete.SoftDelete;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import java.time.Instant;

/** Leaf level of an erase. */
@Entity
@Table(name = "erase_entry")
@SoftDelete
public class EraseEntry {

    @Id
    @GeneratedValue
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY)
    private EraseBooking booking;

    private String text;

    private Instant deletedAt;

    protected EraseEntry() {
    }

    EraseEntry(EraseBooking booking, String text) {
        this.booking = booking;
        this.text = text;
    }

    public Long getId() {
        return id;
    }
}

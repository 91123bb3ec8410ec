package dev.softdelete.it.model;

import dev.softdelete.SoftDelete;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Middle level of an erase. */
@Entity
@Table(name = "erase_booking")
@SoftDelete
public class EraseBooking {

    @Id
    @GeneratedValue
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY)
    private EraseAccount account;

    private String label;

    private Instant deletedAt;

    @OneToMany(mappedBy = "booking", cascade = CascadeType.ALL)
    private List<EraseEntry> entries = new ArrayList<>();

    protected EraseBooking() {
    }

    EraseBooking(EraseAccount account, String label) {
        this.account = account;
        this.label = label;
    }

    public EraseEntry entry(String text) {
        EraseEntry entry = new EraseEntry(this, text);
        entries.add(entry);
        return entry;
    }

    public Long getId() {
        return id;
    }
}

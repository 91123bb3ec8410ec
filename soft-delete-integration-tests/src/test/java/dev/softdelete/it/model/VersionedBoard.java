package dev.softdelete.it.model;

import dev.softdelete.SoftDeletable;
import dev.softdelete.SoftDelete;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Version;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Owner of an orphan-removal collection of soft-deletable pins. */
@Entity
@SoftDelete
public class VersionedBoard implements SoftDeletable {

    @Id
    @GeneratedValue
    private Long id;

    private String title;

    @Version
    private long version;

    private Instant deletedAt;

    @OneToMany(mappedBy = "board", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("id")
    private List<VersionedPin> pins = new ArrayList<>();

    protected VersionedBoard() {
    }

    public VersionedBoard(String title) {
        this.title = title;
    }

    public VersionedPin pin(String label) {
        VersionedPin pin = new VersionedPin(this, label);
        pins.add(pin);
        return pin;
    }

    public Long getId() {
        return id;
    }

    public String getTitle() {
        return title;
    }

    @Override
    public Instant getDeletedAt() {
        return deletedAt;
    }

    public List<VersionedPin> getPins() {
        return pins;
    }
}

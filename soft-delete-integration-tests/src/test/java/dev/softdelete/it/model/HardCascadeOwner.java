package dev.softdelete.it.model;

import dev.softdelete.SoftDelete;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** A soft-deletable owner whose REMOVE cascade reaches an entity that is not soft-deletable. */
@Entity
@SoftDelete
public class HardCascadeOwner {

    @Id
    @GeneratedValue
    private Long id;

    private Instant deletedAt;

    @OneToMany(mappedBy = "owner", cascade = CascadeType.ALL)
    private List<HardCascadeItem> items = new ArrayList<>();

    public Long getId() {
        return id;
    }

    public HardCascadeItem item(String name) {
        HardCascadeItem item = new HardCascadeItem(this, name);
        items.add(item);
        return item;
    }
}

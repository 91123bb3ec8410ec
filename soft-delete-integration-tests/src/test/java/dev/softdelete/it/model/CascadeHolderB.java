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

/** One of the two parents of {@link CascadeHeld}; its delete cascades to the rows it holds. */
@Entity
@SoftDelete
public class CascadeHolderB {

    @Id
    @GeneratedValue
    private Long id;

    private Instant deletedAt;

    @OneToMany(mappedBy = "holderB", cascade = CascadeType.REMOVE)
    private List<CascadeHeld> held = new ArrayList<>();

    public Long getId() {
        return id;
    }
}

package dev.softdelete.it.model;

import dev.softdelete.SoftDelete;
import dev.softdelete.SoftDeletable;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Owner of a cascading collection typed with a SINGLE_TABLE subclass. */
@Entity
@SoftDelete
public class SingleCascadeDepot implements SoftDeletable {

    @Id
    private Long id;

    @OneToMany(mappedBy = "depot", cascade = CascadeType.ALL)
    private List<SingleCascadeBus> buses = new ArrayList<>();

    private Instant deletedAt;

    protected SingleCascadeDepot() {
    }

    public SingleCascadeDepot(Long id) {
        this.id = id;
    }

    public Long getId() {
        return id;
    }

    @Override
    public Instant getDeletedAt() {
        return deletedAt;
    }
}

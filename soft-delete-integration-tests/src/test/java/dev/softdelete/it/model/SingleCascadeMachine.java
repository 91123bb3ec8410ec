package dev.softdelete.it.model;

import dev.softdelete.SoftDelete;
import dev.softdelete.SoftDeletable;
import jakarta.persistence.DiscriminatorColumn;
import jakarta.persistence.DiscriminatorValue;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.Inheritance;
import jakarta.persistence.InheritanceType;
import jakarta.persistence.ManyToOne;
import org.hibernate.annotations.DiscriminatorOptions;

import java.time.Instant;

/** Root of a SINGLE_TABLE hierarchy whose foreign key to the depot is declared here, for all subclasses. */
@Entity
@Inheritance(strategy = InheritanceType.SINGLE_TABLE)
@DiscriminatorColumn(name = "kind")
@DiscriminatorValue("machine")
// no "kind in (...)" check constraint: see SingleVehicle
@DiscriminatorOptions(force = true)
@SoftDelete
public class SingleCascadeMachine implements SoftDeletable {

    @Id
    private Long id;

    private String name;

    @ManyToOne(fetch = FetchType.LAZY)
    private SingleCascadeDepot depot;

    private Instant deletedAt;

    protected SingleCascadeMachine() {
    }

    public SingleCascadeMachine(Long id, String name, SingleCascadeDepot depot) {
        this.id = id;
        this.name = name;
        this.depot = depot;
    }

    public Long getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    @Override
    public Instant getDeletedAt() {
        return deletedAt;
    }
}

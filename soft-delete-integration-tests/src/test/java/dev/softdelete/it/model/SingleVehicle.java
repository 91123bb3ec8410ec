package dev.softdelete.it.model;

import dev.softdelete.SoftDeletable;
import dev.softdelete.SoftDelete;
import jakarta.persistence.DiscriminatorColumn;
import jakarta.persistence.DiscriminatorValue;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Inheritance;
import jakarta.persistence.InheritanceType;
import org.hibernate.annotations.DiscriminatorOptions;

import java.time.Instant;

/** Root of a SINGLE_TABLE hierarchy that is soft-deletable as a whole. */
@Entity
@Inheritance(strategy = InheritanceType.SINGLE_TABLE)
@DiscriminatorColumn(name = "kind")
@DiscriminatorValue("vehicle")
// force: no "kind in (...)" check constraint, which H2 2.4.240 cannot evaluate once the DDL connection
// is closed ("Check constraint invalid ... The database has been closed"); 2.3.232 is fine
@DiscriminatorOptions(force = true)
@SoftDelete(deletedBy = "deletedBy")
public class SingleVehicle implements SoftDeletable {

    @Id
    private Long id;

    private String name;

    private Instant deletedAt;

    private String deletedBy;

    protected SingleVehicle() {
    }

    public SingleVehicle(Long id, String name) {
        this.id = id;
        this.name = name;
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

    public String getDeletedBy() {
        return deletedBy;
    }
}

package dev.softdelete.it.model;

import dev.softdelete.SoftDelete;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;

import java.time.Instant;

/** A pet of a {@link SecondsOwner}; its marker column keeps whole seconds too. */
@Entity
@SoftDelete
public class SecondsPet {

    @Id
    @GeneratedValue
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY)
    private SecondsOwner owner;

    private String name;

    @Column(secondPrecision = 0)
    private Instant deletedAt;

    protected SecondsPet() {
    }

    SecondsPet(SecondsOwner owner, String name) {
        this.owner = owner;
        this.name = name;
    }

    public Long getId() {
        return id;
    }
}

package dev.softdelete.it.model;

import dev.softdelete.SoftDelete;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** An owner whose marker column keeps whole seconds, as a MySQL {@code DATETIME} without {@code (6)} does. */
@Entity
@SoftDelete
public class SecondsOwner {

    @Id
    @GeneratedValue
    private Long id;

    private String name;

    @Column(secondPrecision = 0)
    private Instant deletedAt;

    @OneToMany(mappedBy = "owner", cascade = CascadeType.ALL)
    private List<SecondsPet> pets = new ArrayList<>();

    protected SecondsOwner() {
    }

    public SecondsOwner(String name) {
        this.name = name;
    }

    public SecondsPet pet(String petName) {
        SecondsPet pet = new SecondsPet(this, petName);
        pets.add(pet);
        return pet;
    }

    public Long getId() {
        return id;
    }

    public List<SecondsPet> getPets() {
        return pets;
    }
}

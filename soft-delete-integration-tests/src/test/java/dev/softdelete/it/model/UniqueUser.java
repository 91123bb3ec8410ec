package dev.softdelete.it.model;

import dev.softdelete.SoftDelete;
import dev.softdelete.SoftDeletableEntity;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import org.hibernate.annotations.NaturalId;

/** A simple {@code @NaturalId}. */
@Entity
@SoftDelete
public class UniqueUser extends SoftDeletableEntity {

    @Id
    @GeneratedValue
    private Long id;

    @NaturalId
    private String username;

    protected UniqueUser() {
    }

    public UniqueUser(String username) {
        this.username = username;
    }

    public Long getId() {
        return id;
    }

    public String getUsername() {
        return username;
    }
}

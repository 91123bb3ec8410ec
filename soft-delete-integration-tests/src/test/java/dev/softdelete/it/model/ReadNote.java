package dev.softdelete.it.model;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;

/**
 * A plain (not soft-deletable) entity: a query rooted here is untouched by every visibility scope,
 * so only the soft-deletable entities of its subqueries decide what it returns.
 */
@Entity
public class ReadNote {

    @Id
    @GeneratedValue
    private Long id;

    private String email;

    protected ReadNote() {
    }

    public ReadNote(String email) {
        this.email = email;
    }

    public Long getId() {
        return id;
    }

    public String getEmail() {
        return email;
    }
}

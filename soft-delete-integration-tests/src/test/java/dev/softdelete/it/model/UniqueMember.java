package dev.softdelete.it.model;

import dev.softdelete.SoftDelete;
import dev.softdelete.SoftDeletableEntity;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import org.hibernate.annotations.NaturalId;

/** A composite {@code @NaturalId}: club and number. */
@Entity
@SoftDelete
public class UniqueMember extends SoftDeletableEntity {

    @Id
    @GeneratedValue
    private Long id;

    @NaturalId
    private String club;

    @NaturalId
    private int number;

    protected UniqueMember() {
    }

    public UniqueMember(String club, int number) {
        this.club = club;
        this.number = number;
    }

    public Long getId() {
        return id;
    }
}

package dev.softdelete.it.model;

import dev.softdelete.SoftDelete;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** Referenced by its account's foreign key, and reached by the account's cascade. */
@Entity
@Table(name = "erase_profile")
@SoftDelete
public class EraseProfile {

    @Id
    @GeneratedValue
    private Long id;

    private String bio;

    private Instant deletedAt;

    protected EraseProfile() {
    }

    public EraseProfile(String bio) {
        this.bio = bio;
    }

    public Long getId() {
        return id;
    }
}

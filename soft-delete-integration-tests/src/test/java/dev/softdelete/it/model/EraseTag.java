package dev.softdelete.it.model;

import dev.softdelete.SoftDelete;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** The target of accounts' many-to-many tags: no cascade reaches it. */
@Entity
@Table(name = "erase_tag")
@SoftDelete
public class EraseTag {

    @Id
    @GeneratedValue
    private Long id;

    private String name;

    private Instant deletedAt;

    protected EraseTag() {
    }

    public EraseTag(String name) {
        this.name = name;
    }

    public Long getId() {
        return id;
    }
}

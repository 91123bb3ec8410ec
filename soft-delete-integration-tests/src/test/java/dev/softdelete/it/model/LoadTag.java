package dev.softdelete.it.model;

import dev.softdelete.SoftDelete;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;

import java.time.Instant;

@Entity
@SoftDelete
public class LoadTag {

    @Id
    private Long id;

    private String label;

    private Instant deletedAt;

    protected LoadTag() {
    }

    public LoadTag(Long id) {
        this.id = id;
        this.label = "tag " + id;
    }

    public Long getId() {
        return id;
    }
}

package dev.softdelete.it.model;

import dev.softdelete.SoftDelete;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;

import java.time.Instant;

@Entity
@SoftDelete(deletedBy = "deletedBy")
public class CascadeComment {

    @Id
    @GeneratedValue
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY)
    private CascadePost post;

    private String text;

    private Instant deletedAt;

    private String deletedBy;

    protected CascadeComment() {
    }

    CascadeComment(CascadePost post, String text) {
        this.post = post;
        this.text = text;
    }

    public Long getId() {
        return id;
    }

    public Instant getDeletedAt() {
        return deletedAt;
    }
}

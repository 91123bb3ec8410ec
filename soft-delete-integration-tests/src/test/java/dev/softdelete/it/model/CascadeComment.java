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

    /** Points the comment at another post (its key column changes; the posts' collections are left as they are). */
    public void moveTo(CascadePost other) {
        this.post = other;
    }

    public Instant getDeletedAt() {
        return deletedAt;
    }
}

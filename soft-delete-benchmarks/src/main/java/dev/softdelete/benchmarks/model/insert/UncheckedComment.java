package dev.softdelete.benchmarks.model.insert;

import dev.softdelete.SoftDelete;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

import java.time.Instant;

/** A comment of {@link UncheckedPost}; ids from a pooled sequence, so an insert rarely waits for one. */
@Entity
@SoftDelete
@Table(indexes = @Index(name = "unchecked_comment_post", columnList = "post_id"))
public class UncheckedComment {

    @Id
    @GeneratedValue(generator = "unchecked_comment_ids")
    @SequenceGenerator(name = "unchecked_comment_ids", allocationSize = 1000)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    private UncheckedPost post;

    private String text;

    private Instant deletedAt;

    protected UncheckedComment() {
    }

    UncheckedComment(UncheckedPost post, String text) {
        this.post = post;
        this.text = text;
    }

    /** Points the comment at another post. */
    public void moveTo(UncheckedPost other) {
        this.post = other;
    }

    public void setText(String text) {
        this.text = text;
    }
}

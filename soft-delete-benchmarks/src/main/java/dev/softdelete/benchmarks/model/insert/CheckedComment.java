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

/** A comment of {@link CheckedPost}; ids from a pooled sequence, so an insert rarely waits for one. */
@Entity
@SoftDelete
@Table(indexes = @Index(name = "checked_comment_post", columnList = "post_id"))
public class CheckedComment {

    @Id
    @GeneratedValue(generator = "checked_comment_ids")
    @SequenceGenerator(name = "checked_comment_ids", allocationSize = 1000)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    private CheckedPost post;

    private String text;

    private Instant deletedAt;

    protected CheckedComment() {
    }

    CheckedComment(CheckedPost post, String text) {
        this.post = post;
        this.text = text;
    }

    /** Points the comment at another post. */
    public void moveTo(CheckedPost other) {
        this.post = other;
    }

    public void setText(String text) {
        this.text = text;
    }
}

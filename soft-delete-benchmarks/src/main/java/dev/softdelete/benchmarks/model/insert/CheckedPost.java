package dev.softdelete.benchmarks.model.insert;

import dev.softdelete.SoftDelete;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Its comments cascade REMOVE, so an insert of one is checked against a deleted post. */
@Entity
@SoftDelete
public class CheckedPost {

    @Id
    private Long id;

    private Instant deletedAt;

    @OneToMany(mappedBy = "post", cascade = CascadeType.REMOVE)
    private List<CheckedComment> comments = new ArrayList<>();

    protected CheckedPost() {
    }

    public CheckedPost(Long id) {
        this.id = id;
    }

    /** A new comment on this post, to be persisted. */
    public CheckedComment comment(String text) {
        CheckedComment comment = new CheckedComment(this, text);
        comments.add(comment);
        return comment;
    }
}

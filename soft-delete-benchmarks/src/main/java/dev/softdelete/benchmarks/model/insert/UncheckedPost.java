package dev.softdelete.benchmarks.model.insert;

import dev.softdelete.SoftDelete;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The same post without a cascade: no insert of a comment is checked. */
@Entity
@SoftDelete
public class UncheckedPost {

    @Id
    private Long id;

    private Instant deletedAt;

    @OneToMany(mappedBy = "post")
    private List<UncheckedComment> comments = new ArrayList<>();

    protected UncheckedPost() {
    }

    public UncheckedPost(Long id) {
        this.id = id;
    }

    /** A new comment on this post, to be persisted. */
    public UncheckedComment comment(String text) {
        UncheckedComment comment = new UncheckedComment(this, text);
        comments.add(comment);
        return comment;
    }
}

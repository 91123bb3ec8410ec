package dev.softdelete.it.model;

import dev.softdelete.SoftDelete;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

@Entity
@SoftDelete(deletedBy = "deletedBy", reason = "deleteReason")
public class CascadePost {

    @Id
    @GeneratedValue
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY)
    private CascadeBlog blog;

    private String title;

    private Instant deletedAt;

    private String deletedBy;

    private String deleteReason;

    @OneToMany(mappedBy = "post", cascade = CascadeType.REMOVE, orphanRemoval = true)
    private List<CascadeComment> comments = new ArrayList<>();

    protected CascadePost() {
    }

    CascadePost(CascadeBlog blog, String title) {
        this.blog = blog;
        this.title = title;
    }

    public CascadeComment comment(String text) {
        CascadeComment comment = new CascadeComment(this, text);
        comments.add(comment);
        return comment;
    }

    public Long getId() {
        return id;
    }

    public String getTitle() {
        return title;
    }

    public void setTitle(String title) {
        this.title = title;
    }

    public Instant getDeletedAt() {
        return deletedAt;
    }

    public List<CascadeComment> getComments() {
        return comments;
    }
}

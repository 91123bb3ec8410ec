package dev.softdelete.it.model;

import dev.softdelete.SoftDelete;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Root of a three-level cascade: blog, posts, comments. */
@Entity
@SoftDelete(deletedBy = "deletedBy", reason = "deleteReason")
public class CascadeBlog {

    @Id
    @GeneratedValue
    private Long id;

    private String title;

    private Instant deletedAt;

    private String deletedBy;

    private String deleteReason;

    @OneToMany(mappedBy = "blog", cascade = CascadeType.ALL)
    private List<CascadePost> posts = new ArrayList<>();

    protected CascadeBlog() {
    }

    public CascadeBlog(String title) {
        this.title = title;
    }

    public CascadePost post(String title) {
        CascadePost post = new CascadePost(this, title);
        posts.add(post);
        return post;
    }

    public Long getId() {
        return id;
    }

    public Instant getDeletedAt() {
        return deletedAt;
    }

    public List<CascadePost> getPosts() {
        return posts;
    }
}

package dev.softdelete.spring.app;

import dev.softdelete.SoftDelete;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

@Entity
@Table(name = "sb_post")
@SoftDelete(deletedBy = "deletedBy", reason = "deleteReason", retain = "P30D")
public class Post {

    @Id
    @GeneratedValue
    private Long id;

    @Column(unique = true)
    private String slug;

    private String title;

    private Instant deletedAt;

    private String deletedBy;

    private String deleteReason;

    @OneToMany(mappedBy = "post", cascade = CascadeType.ALL)
    private List<Comment> comments = new ArrayList<>();

    protected Post() {
    }

    public Post(String slug, String title) {
        this.slug = slug;
        this.title = title;
    }

    public Comment comment(String text) {
        Comment comment = new Comment(this, text);
        comments.add(comment);
        return comment;
    }

    public Long getId() {
        return id;
    }

    public String getSlug() {
        return slug;
    }

    public String getTitle() {
        return title;
    }

    public Instant getDeletedAt() {
        return deletedAt;
    }
}

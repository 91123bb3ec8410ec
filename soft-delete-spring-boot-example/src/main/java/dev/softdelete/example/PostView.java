package dev.softdelete.example;

import java.time.Instant;

/** A post as the API shows it; the deletion attributes are null for a live post. */
public record PostView(long id, String slug, String title, int comments, Instant deletedAt, String deletedBy,
        String deleteReason) {

    static PostView of(Post post) {
        return new PostView(post.getId(), post.getSlug(), post.getTitle(), post.getComments().size(),
                post.getDeletedAt(), post.getDeletedBy(), post.getDeleteReason());
    }
}

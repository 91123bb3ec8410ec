package dev.softdelete.example;

import java.util.List;

/** The body of {@code POST /posts}. */
public record NewPost(String slug, String title, List<String> comments) {

    List<String> commentsOrNone() {
        return comments == null ? List.of() : comments;
    }
}

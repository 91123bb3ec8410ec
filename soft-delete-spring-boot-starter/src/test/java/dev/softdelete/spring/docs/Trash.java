package dev.softdelete.spring.docs;

import dev.softdelete.spring.SoftDeleteTemplate;
import dev.softdelete.spring.app.Post;
import org.springframework.stereotype.Service;

import java.util.List;

// tag::spring-trash-service[]
@Service
class Trash {
    private final SoftDeleteTemplate softDelete;
    private final PostRepository posts;

    Trash(SoftDeleteTemplate softDelete, PostRepository posts) {
        this.softDelete = softDelete;
        this.posts = posts;
    }

    List<Post> deletedPosts() {
        return softDelete.onlyDeleted(() -> posts.findAll());
    }

    void removeAsSpam(long id) {
        softDelete.deletingBecause("spam", () -> posts.deleteById(id));
    }

    boolean restore(long id) {
        return softDelete.restore(Post.class, id);       // with the comments its delete took
    }
}
// end::spring-trash-service[]

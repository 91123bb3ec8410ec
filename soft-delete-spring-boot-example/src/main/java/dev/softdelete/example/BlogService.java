package dev.softdelete.example;

import dev.softdelete.spring.SoftDeleteTemplate;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.List;
import java.util.Optional;

/**
 * What the API does, in transactions: the views are built inside them, where the comments can be
 * read (the application does not keep sessions open for the web layer).
 */
@Service
public class BlogService {

    private final PostRepository posts;
    private final SoftDeleteTemplate softDelete;

    public BlogService(PostRepository posts, SoftDeleteTemplate softDelete) {
        this.posts = posts;
        this.softDelete = softDelete;
    }

    @Transactional
    public PostView create(NewPost request) {
        Post post = new Post(request.slug(), request.title());
        request.commentsOrNone().forEach(text -> post.comment("author", text));
        return PostView.of(posts.save(post));
    }

    @Transactional(readOnly = true)
    public List<PostView> list(boolean includeDeleted) {
        List<Post> found = includeDeleted ? posts.findAllIncludingDeleted() : posts.findAll();
        return found.stream().map(PostView::of).toList();
    }

    @Transactional(readOnly = true)
    public Optional<PostView> find(long id) {
        return posts.findById(id).map(PostView::of);
    }

    @Transactional(readOnly = true)
    public Page<PostView> trash(Pageable page) {
        return posts.findAllDeleted(page).map(PostView::of);
    }

    /** Soft-deletes a live post and its comments, recording the reason if given; false when there is no live post. */
    @Transactional
    public boolean delete(long id, String reason) {
        Optional<Post> post = posts.findById(id);
        if (post.isEmpty()) {
            return false;
        }
        if (reason == null || reason.isBlank()) {
            posts.delete(post.get());
        }
        else {
            softDelete.deletingBecause(reason, () -> posts.delete(post.get()));
        }
        return true;
    }

    /** Restores a deleted post with the comments its delete took; empty when no deleted post has that id. */
    @Transactional
    public Optional<PostView> restore(long id) {
        if (!posts.restoreById(id)) {
            return Optional.empty();
        }
        return posts.findById(id).map(PostView::of);
    }

    /** Erases a post, live or deleted, and its comments, for good. */
    @Transactional
    public boolean deleteForGood(long id) {
        return posts.hardDeleteById(id);
    }
}

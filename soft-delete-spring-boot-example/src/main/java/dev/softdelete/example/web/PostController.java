package dev.softdelete.example.web;

import dev.softdelete.example.BlogService;
import dev.softdelete.example.NewPost;
import dev.softdelete.example.PostView;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.util.List;
import java.util.Map;

/**
 * The posts API. The actor of a delete is the authenticated user (the starter reads Spring
 * Security's context); {@code DELETE /posts/{id}/permanent} is for administrators (SecurityConfig).
 */
@RestController
@RequestMapping("/posts")
public class PostController {

    private final BlogService blog;

    public PostController(BlogService blog) {
        this.blog = blog;
    }

    @PostMapping
    public ResponseEntity<PostView> create(@RequestBody NewPost request) {
        PostView created = blog.create(request);
        return ResponseEntity.created(URI.create("/posts/" + created.id())).body(created);
    }

    @GetMapping
    public List<PostView> list(@RequestParam(defaultValue = "false") boolean includeDeleted) {
        return blog.list(includeDeleted);
    }

    @GetMapping("/{id}")
    public ResponseEntity<PostView> find(@PathVariable long id) {
        return ResponseEntity.of(blog.find(id));
    }

    /** The trash, newest deletes first. */
    @GetMapping("/trash")
    public Map<String, Object> trash(@RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "20") int size) {
        Page<PostView> found = blog.trash(PageRequest.of(page, size, Sort.by("deletedAt").descending()));
        return Map.of("content", found.getContent(), "totalElements", found.getTotalElements());
    }

    @DeleteMapping("/{id}")
    public ResponseEntity<Void> delete(@PathVariable long id, @RequestParam(required = false) String reason) {
        return blog.delete(id, reason) ? ResponseEntity.noContent().build() : ResponseEntity.notFound().build();
    }

    /** 409 with the conflicting key when a live post took the slug meanwhile (RestoreConflicts). */
    @PostMapping("/{id}/restore")
    public ResponseEntity<PostView> restore(@PathVariable long id) {
        return ResponseEntity.of(blog.restore(id));
    }

    @DeleteMapping("/{id}/permanent")
    public ResponseEntity<Void> deleteForGood(@PathVariable long id) {
        return blog.deleteForGood(id) ? ResponseEntity.noContent().build() : ResponseEntity.notFound().build();
    }
}

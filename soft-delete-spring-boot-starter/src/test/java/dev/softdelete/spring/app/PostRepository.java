package dev.softdelete.spring.app;

import dev.softdelete.spring.data.SoftDeleteRepository;
import org.springframework.data.jpa.repository.JpaRepository;

import java.util.List;

public interface PostRepository extends JpaRepository<Post, Long>, SoftDeleteRepository<Post, Long> {

    List<Post> findByTitle(String title);
}

package dev.softdelete.spring.app;

import dev.softdelete.spring.data.SoftDeleteRepository;
import org.springframework.data.jpa.repository.JpaRepository;

public interface CommentRepository extends JpaRepository<Comment, Long>, SoftDeleteRepository<Comment, Long> {
}

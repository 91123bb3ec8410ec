package dev.softdelete.example;

import dev.softdelete.spring.data.SoftDeleteRepository;
import org.springframework.data.jpa.repository.JpaRepository;

/** Posts; {@link SoftDeleteRepository} adds the trash, restore and permanent delete. */
public interface PostRepository extends JpaRepository<Post, Long>, SoftDeleteRepository<Post, Long> {
}

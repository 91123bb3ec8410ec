package dev.softdelete.spring.docs;

import dev.softdelete.spring.app.Post;
import dev.softdelete.spring.data.SoftDeleteRepository;
import org.springframework.data.jpa.repository.JpaRepository;

// tag::spring-repository[]
interface PostRepository extends JpaRepository<Post, Long>, SoftDeleteRepository<Post, Long> {
}

// end::spring-repository[]

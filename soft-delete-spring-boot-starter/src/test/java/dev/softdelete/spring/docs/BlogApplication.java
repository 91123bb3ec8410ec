package dev.softdelete.spring.docs;

import dev.softdelete.spring.app.Post;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.persistence.autoconfigure.EntityScan;

/**
 * The application the Spring samples of the docs run in: the starter's test entities (posts whose
 * comments cascade), with this package's repository and services.
 */
@SpringBootApplication
@EntityScan(basePackageClasses = Post.class)
class BlogApplication {
}

package dev.softdelete.example;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * A blog with a trash: posts and their comments are soft-deleted, listed in the trash, restored
 * together, and erased for good by an administrator. Run it with
 * {@code mvn -q -pl soft-delete-spring-boot-example -am compile -Pserve} and see the README of the
 * module for requests to try.
 */
@SpringBootApplication
public class BlogApplication {

    public static void main(String[] args) {
        SpringApplication.run(BlogApplication.class, args);
    }
}

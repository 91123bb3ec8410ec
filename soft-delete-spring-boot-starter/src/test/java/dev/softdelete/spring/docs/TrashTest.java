package dev.softdelete.spring.docs;

import dev.softdelete.spring.TestDatabase;
import dev.softdelete.spring.app.Post;
import dev.softdelete.test.LeakMode;
import dev.softdelete.test.SqlRecorder;
import dev.softdelete.test.StatementKind;
import jakarta.persistence.EntityManagerFactory;
import org.hibernate.SessionFactory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import javax.sql.DataSource;

import static org.assertj.core.api.Assertions.assertThat;

/** docs/spring-boot.md's test-kit sample, as a reader copies it: a repository delete is no DELETE and no leak. */
// tag::spring-trash-test[]
@SpringBootTest(classes = {BlogApplication.class, TrashTest.Recording.class})
class TrashTest {
    static final SqlRecorder SQL = SqlRecorder.create();
// end::spring-trash-test[]

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabase.register(registry);
    }
    // tag::spring-trash-test-body[]

    @TestConfiguration(proxyBeanMethods = false)
    static class Recording {
        @Bean
        static BeanPostProcessor recordingDataSource() {
            return new BeanPostProcessor() {
                @Override
                public Object postProcessAfterInitialization(Object bean, String name) {
                    return bean instanceof DataSource dataSource ? SQL.wrap(dataSource) : bean;
                }
            };
        }
    }

    @BeforeEach
    void record(@Autowired EntityManagerFactory entityManagerFactory) {
        SQL.detectLeaks(entityManagerFactory.unwrap(SessionFactory.class), LeakMode.COLLECT);
        SQL.reset();
    }

    @Test
    void deletingKeepsTheRows(@Autowired PostRepository posts) {
        long id = posts.save(new Post("hello", "Hello")).getId();
        posts.deleteById(id);
        assertThat(SQL.count(StatementKind.DELETE)).isZero();
        assertThat(SQL.leaks()).isEmpty();
    }
}
// end::spring-trash-test-body[]

package dev.softdelete.spring.app;

import dev.softdelete.spring.RecordingDataSource;
import dev.softdelete.spring.SoftDeleteTemplate;
import dev.softdelete.spring.TestDatabase;
import dev.softdelete.test.LeakMode;
import dev.softdelete.test.SqlRecorder;
import dev.softdelete.test.StatementKind;
import jakarta.persistence.EntityManagerFactory;
import org.hibernate.SessionFactory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.data.jpa.test.autoconfigure.DataJpaTest;
import org.springframework.boot.jdbc.test.autoconfigure.AutoConfigureTestDatabase;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A {@code @DataJpaTest} slice: the starter's configuration is part of it (registered for
 * {@code AutoConfigureDataJpa}), the template joins the test's transaction, and the test kit records
 * through the wrapped DataSource. The slice would use an embedded database; here it uses the one asked for.
 */
@DataJpaTest
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
@Import(RecordingDataSource.class)
class DataJpaSliceTest {

    private static final SqlRecorder SQL = RecordingDataSource.SQL;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabase.register(registry);
        registry.add("softdelete.retention.default", () -> "P7D");
    }

    @Autowired
    PostRepository posts;

    @Autowired
    SoftDeleteTemplate softDelete;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    EntityManagerFactory entityManagerFactory;

    @BeforeEach
    void record() {
        SQL.detectLeaks(entityManagerFactory.unwrap(SessionFactory.class), LeakMode.COLLECT);
        SQL.reset();
    }

    @Test
    void theSliceSoftDeletesAndShowsTheTrashInTheTestsTransaction() {
        Post post = new Post("slice", "Slice");
        post.comment("c");
        long id = posts.saveAndFlush(post).getId();

        posts.deleteById(id);
        posts.flush();

        assertThat(SQL.count(StatementKind.DELETE)).isZero();
        assertThat(jdbc.queryForObject("select count(*) from sb_post where id = ? and deleted_at is not null",
                Long.class, id)).isEqualTo(1);
        assertThat(softDelete.onlyDeleted(() -> posts.findAll())).extracting(Post::getId).containsExactly(id);
        assertThat(posts.countDeleted()).isEqualTo(1);
        assertThat(SQL.leaks()).isEmpty();
    }

    @Test
    void theStartersPropertiesReachHibernateInTheSlice() {
        assertThat(entityManagerFactory.getProperties()).containsEntry("softdelete.retention.default", "P7D");
    }
}

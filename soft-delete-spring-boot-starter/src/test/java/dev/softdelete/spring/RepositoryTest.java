package dev.softdelete.spring;

import dev.softdelete.spring.app.CommentRepository;
import dev.softdelete.spring.app.Post;
import dev.softdelete.spring.app.PostRepository;
import dev.softdelete.spring.app.TestApplication;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Spring Data repositories with the library: their own methods keep rows, the fragment shows the trash. */
@SpringBootTest(classes = TestApplication.class)
class RepositoryTest {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabase.register(registry);
    }

    @Autowired
    PostRepository posts;

    @Autowired
    CommentRepository comments;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TransactionTemplate transactions;

    private long first;
    private long second;

    @BeforeEach
    void twoPostsWithComments() {
        jdbc.update("delete from sb_comment");
        jdbc.update("delete from sb_post");
        first = transactions.execute(status -> {
            Post post = new Post("first", "First");
            post.comment("a");
            post.comment("b");
            return posts.save(post).getId();
        });
        second = transactions.execute(status -> posts.save(new Post("second", "Second")).getId());
    }

    @Test
    void deleteByIdKeepsTheRowsAndTheRepositoryHidesThem() {
        posts.deleteById(first);

        assertThat(rows("sb_post")).isEqualTo(2);
        assertThat(rows("sb_comment")).isEqualTo(2);
        assertThat(jdbc.queryForObject("select count(*) from sb_comment where deleted_at is not null", Long.class))
                .isEqualTo(2);
        assertThat(posts.findAll()).extracting(Post::getId).containsExactly(second);
        assertThat(posts.count()).isEqualTo(1);
        assertThat(posts.findById(first)).isEmpty();
        assertThat(posts.findByTitle("First")).isEmpty();
        assertThat(comments.count()).isZero();
    }

    @Test
    void batchDeletesKeepTheRowsAndCascade() {
        posts.deleteAllByIdInBatch(java.util.List.of(first));

        assertThat(rows("sb_post")).isEqualTo(2);
        assertThat(jdbc.queryForObject("select count(*) from sb_comment where deleted_at is not null", Long.class))
                .as("the bulk delete's cascade marked the comments").isEqualTo(2);
        assertThat(posts.findAll()).extracting(Post::getId).containsExactly(second);

        posts.deleteAllInBatch();

        assertThat(rows("sb_post")).isEqualTo(2);
        assertThat(posts.count()).isZero();
        assertThat(posts.countDeleted()).isEqualTo(2);
        assertThat(posts.restoreById(first)).isTrue();
        assertThat(comments.count()).as("the restore brings back what the first bulk delete took").isEqualTo(2);
    }

    @Test
    void theFragmentShowsTheTrashAndEveryRow() {
        posts.deleteById(first);

        assertThat(posts.findAllDeleted()).extracting(Post::getId).containsExactly(first);
        assertThat(posts.countDeleted()).isEqualTo(1);
        assertThat(comments.countDeleted()).isEqualTo(2);
        assertThat(posts.findAllIncludingDeleted()).extracting(Post::getId).containsExactlyInAnyOrder(first, second);
        assertThat(posts.findByIdIncludingDeleted(first)).get().extracting(Post::getDeletedAt).isNotNull();
        assertThat(posts.findByIdIncludingDeleted(second)).get().extracting(Post::getDeletedAt).isNull();
        // the scopes end with the calls: the repository hides the deleted post again
        assertThat(posts.findAll()).extracting(Post::getId).containsExactly(second);
    }

    @Test
    void aPageOfTheTrashIsSortedAndCountsEveryDeletedRow() {
        long third = transactions.execute(status -> posts.save(new Post("third", "Third")).getId());
        posts.deleteAllById(java.util.List.of(first, second, third));

        Page<Post> page = posts.findAllDeleted(PageRequest.of(0, 2, Sort.by("slug").descending()));

        assertThat(page.getTotalElements()).isEqualTo(3);
        assertThat(page.getContent()).extracting(Post::getSlug).containsExactly("third", "second");
        assertThat(posts.findAllDeleted(PageRequest.of(1, 2, Sort.by("slug").descending())).getContent())
                .extracting(Post::getSlug).containsExactly("first");
    }

    @Test
    void restoreByIdBringsBackThePostWithTheCommentsItsDeleteTook() {
        posts.deleteById(first);

        assertThat(posts.restoreById(first)).isTrue();

        assertThat(posts.findById(first)).isPresent();
        assertThat(comments.count()).isEqualTo(2);
        assertThat(jdbc.queryForObject("select count(*) from sb_comment where deleted_at is null", Long.class))
                .isEqualTo(2);
        assertThat(posts.restoreById(first)).as("a live row is not restored").isFalse();
    }

    @Test
    void restoreAllByIdBringsBackTheSelectedPostsTogetherWithTheirComments() {
        posts.deleteAllById(java.util.List.of(first, second));

        assertThat(posts.restoreAllById(java.util.List.of(first, second, first))).isEqualTo(2);

        assertThat(posts.findAll()).extracting(Post::getId).containsExactlyInAnyOrder(first, second);
        assertThat(jdbc.queryForObject("select count(*) from sb_comment where deleted_at is not null", Long.class))
                .isZero();
        assertThat(posts.restoreAllById(java.util.List.of(first))).as("a live row is not restored").isZero();
    }

    @Test
    void restoreByIdRefusesWhenALivePostHoldsTheSlug() {
        posts.deleteById(first);
        transactions.executeWithoutResult(status -> posts.save(new Post("first", "Another first")));

        assertThatThrownBy(() -> posts.restoreById(first)).isInstanceOfSatisfying(
                RestoreConflictDataAccessException.class, e -> {
                    assertThat(e).isInstanceOf(org.springframework.dao.DataIntegrityViolationException.class);
                    assertThat(e.getConflict().getRestoredId()).isEqualTo(first);
                    assertThat(e.getConflict().getColumns()).containsExactly("slug");
                });

        assertThat(jdbc.queryForObject("select deleted_at from sb_post where id = ?", Object.class, first)).isNotNull();
    }

    @Test
    void hardDeleteByIdRemovesTheRowForGood() {
        assertThat(posts.hardDeleteById(second)).isTrue();

        assertThat(jdbc.queryForObject("select count(*) from sb_post where id = ?", Long.class, second)).isZero();
        assertThat(posts.hardDeleteById(second)).isFalse();
    }

    private long rows(String table) {
        return jdbc.queryForObject("select count(*) from " + table, Long.class);
    }
}

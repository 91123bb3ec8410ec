package dev.softdelete.spring;

import dev.softdelete.spring.app.Post;
import dev.softdelete.spring.app.PostRepository;
import dev.softdelete.spring.app.TestApplication;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The template's scopes on the transaction's session; the actor from Spring Security; reasons. */
@SpringBootTest(classes = TestApplication.class)
class TemplateTest {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabase.register(registry);
    }

    @Autowired
    SoftDeleteTemplate softDelete;

    @Autowired
    PostRepository posts;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TransactionTemplate transactions;

    private long id;

    @BeforeEach
    void onePost() {
        jdbc.update("delete from sb_comment");
        jdbc.update("delete from sb_post");
        id = transactions.execute(status -> posts.save(new Post("p", "P")).getId());
    }

    @AfterEach
    void nobodyAuthenticated() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void scopesWorkWithoutATransactionOfTheCaller() {
        posts.deleteById(id);

        List<Post> trash = softDelete.onlyDeleted(() -> posts.findAll());
        List<Post> all = softDelete.unfiltered(() -> posts.findAll());

        assertThat(trash).extracting(Post::getId).containsExactly(id);
        assertThat(all).extracting(Post::getId).containsExactly(id);
        assertThat(posts.findAll()).as("the scope ended with the call").isEmpty();
    }

    @Test
    void scopesJoinTheCallersTransaction() {
        List<Post> seen = transactions.execute(status -> {
            posts.deleteById(id);
            posts.flush();
            List<Post> trash = softDelete.onlyDeleted(() -> posts.findAll());
            assertThat(posts.findAll()).isEmpty();
            return trash;
        });

        assertThat(seen).extracting(Post::getId).containsExactly(id);
    }

    @Test
    void theActorIsTheAuthenticatedUser() {
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                "alice", "secret", AuthorityUtils.createAuthorityList("ROLE_ADMIN")));

        softDelete.deletingBecause("spam", () -> posts.deleteById(id));

        Map<String, Object> row = jdbc.queryForMap("select deleted_by, delete_reason from sb_post where id = ?", id);
        assertThat(row.get("deleted_by")).isEqualTo("alice");
        assertThat(row.get("delete_reason")).isEqualTo("spam");
    }

    @Test
    void anAnonymousRequestRecordsNoActor() {
        SecurityContextHolder.getContext().setAuthentication(new AnonymousAuthenticationToken("key", "anonymousUser",
                AuthorityUtils.createAuthorityList("ROLE_ANONYMOUS")));

        posts.deleteById(id);

        assertThat(jdbc.queryForObject("select deleted_by from sb_post where id = ?", String.class, id)).isNull();
        assertThat(jdbc.queryForObject("select deleted_at from sb_post where id = ?", Object.class, id)).isNotNull();
    }
}

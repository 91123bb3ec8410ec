package dev.softdelete.example;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The example's REST API as a client uses it, with the rows read from the tables after each call.
 * Runs on H2, and on PostgreSQL or MariaDB with {@code -Dsoftdelete.test.db} (the all-databases profile).
 */
@SpringBootTest
@AutoConfigureMockMvc
class BlogApiTest {

    private static final RequestPostProcessor ALICE = httpBasic("alice", "alice");
    private static final RequestPostProcessor ADMIN = httpBasic("admin", "admin");

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        String db = System.getProperty("softdelete.test.db", "h2").trim().toLowerCase(Locale.ROOT);
        String[] connection = switch (db) {
            case "h2" -> new String[] {"jdbc:h2:mem:blog-test;DB_CLOSE_DELAY=-1", "sa"};
            case "postgresql" -> new String[] {"jdbc:postgresql://127.0.0.1:5432/test", "postgres"};
            case "mariadb" -> new String[] {"jdbc:mariadb://127.0.0.1:3306/test", "root"};
            default -> throw new IllegalStateException("softdelete.test.db must be h2, postgresql or mariadb, got " + db);
        };
        try (Connection answer = DriverManager.getConnection(connection[0], connection[1], "")) {
            answer.isValid(5);
        }
        catch (SQLException e) {
            throw new IllegalStateException(db + " was asked for (softdelete.test.db) but does not answer: " + e.getMessage(), e);
        }
        registry.add("spring.datasource.url", () -> connection[0]);
        registry.add("spring.datasource.username", () -> connection[1]);
        registry.add("spring.datasource.password", () -> "");
    }

    @Autowired
    MockMvc http;

    @Autowired
    JdbcTemplate jdbc;

    @BeforeEach
    void empty() {
        jdbc.update("delete from comment");
        jdbc.update("delete from post");
    }

    @Test
    void aDeletedPostLeavesTheListGoesToTheTrashAndComesBackWithItsComments() throws Exception {
        long id = create("hello", "Hello", "first!", "nice");

        http.perform(delete("/posts/{id}", id).param("reason", "spam").with(ALICE)).andExpect(status().isNoContent());

        assertThat(jdbc.queryForMap("select deleted_at, deleted_by, delete_reason from post where id = ?", id))
                .containsEntry("deleted_by", "alice").containsEntry("delete_reason", "spam")
                .extractingByKey("deleted_at").isNotNull();
        assertThat(jdbc.queryForObject("select count(*) from comment where deleted_at is not null", Long.class))
                .isEqualTo(2);
        http.perform(get("/posts").with(ALICE)).andExpect(jsonPath("$", hasSize(0)));
        http.perform(get("/posts/{id}", id).with(ALICE)).andExpect(status().isNotFound());
        http.perform(get("/posts").param("includeDeleted", "true").with(ALICE))
                .andExpect(jsonPath("$[0].deletedBy").value("alice"));
        http.perform(get("/posts/trash").with(ALICE))
                .andExpect(jsonPath("$.totalElements").value(1))
                .andExpect(jsonPath("$.content[0].deleteReason").value("spam"));

        http.perform(post("/posts/{id}/restore", id).with(ALICE))
                .andExpect(status().isOk()).andExpect(jsonPath("$.comments").value(2))
                .andExpect(jsonPath("$.deletedAt").doesNotExist());

        assertThat(jdbc.queryForObject("select count(*) from comment where deleted_at is null", Long.class))
                .isEqualTo(2);
        http.perform(get("/posts/trash").with(ALICE)).andExpect(jsonPath("$.totalElements").value(0));
    }

    @Test
    void restoringAPostWhoseSlugWasTakenIsAConflictNamingTheKey() throws Exception {
        long id = create("taken", "Old");
        http.perform(delete("/posts/{id}", id).with(ALICE)).andExpect(status().isNoContent());
        long live = create("taken", "New");

        http.perform(post("/posts/{id}/restore", id).with(ALICE))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.columns[0]").value("slug"))
                .andExpect(jsonPath("$.liveId").value(live));

        assertThat(jdbc.queryForObject("select deleted_at from post where id = ?", Object.class, id)).isNotNull();
    }

    @Test
    void restoringWhatIsNotDeletedIsNotFound() throws Exception {
        long id = create("live", "Live");

        http.perform(post("/posts/{id}/restore", id).with(ALICE)).andExpect(status().isNotFound());
        http.perform(post("/posts/{id}/restore", id + 1000).with(ALICE)).andExpect(status().isNotFound());
    }

    @Test
    void onlyAnAdministratorDeletesForGood() throws Exception {
        long id = create("gone", "Gone", "a comment");
        http.perform(delete("/posts/{id}", id).with(ALICE)).andExpect(status().isNoContent());

        http.perform(delete("/posts/{id}/permanent", id).with(ALICE)).andExpect(status().isForbidden());
        assertThat(jdbc.queryForObject("select count(*) from post where id = ?", Long.class, id)).isEqualTo(1);

        http.perform(delete("/posts/{id}/permanent", id).with(ADMIN)).andExpect(status().isNoContent());
        assertThat(jdbc.queryForObject("select count(*) from post where id = ?", Long.class, id)).isZero();
        assertThat(jdbc.queryForObject("select count(*) from comment", Long.class)).isZero();
    }

    @Test
    void anonymousCallersAreRefused() throws Exception {
        http.perform(get("/posts")).andExpect(status().isUnauthorized());
    }

    private long create(String slug, String title, String... comments) throws Exception {
        StringBuilder body = new StringBuilder("{\"slug\":\"" + slug + "\",\"title\":\"" + title + "\",\"comments\":[");
        for (int i = 0; i < comments.length; i++) {
            body.append(i == 0 ? "" : ",").append('"').append(comments[i]).append('"');
        }
        String response = http.perform(post("/posts").with(ALICE).contentType(MediaType.APPLICATION_JSON)
                        .content(body.append("]}").toString()))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        return Long.parseLong(response.replaceAll(".*\"id\":(\\d+).*", "$1"));
    }
}

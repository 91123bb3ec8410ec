package dev.softdelete.example;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Base64;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The example's REST API over HTTP on a random port, as a client uses it, with the rows read from the
 * tables after each call.
 * Runs on H2, and on PostgreSQL or MariaDB with {@code -Dsoftdelete.test.db} (the all-databases profile).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class BlogApiTest {

    private static final String ALICE = "alice:alice";
    private static final String ADMIN = "admin:admin";
    private static final HttpClient CLIENT = HttpClient.newHttpClient();

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

    @LocalServerPort
    int port;

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

        assertThat(send("DELETE", "/posts/" + id + "?reason=spam", ALICE).statusCode()).isEqualTo(204);

        assertThat(jdbc.queryForMap("select deleted_at, deleted_by, delete_reason from post where id = ?", id))
                .containsEntry("deleted_by", "alice").containsEntry("delete_reason", "spam")
                .extractingByKey("deleted_at").isNotNull();
        assertThat(jdbc.queryForObject("select count(*) from comment where deleted_at is not null", Long.class))
                .isEqualTo(2);
        assertThat(json(send("GET", "/posts", ALICE), "$.length()")).isEqualTo(0);
        assertThat(send("GET", "/posts/" + id, ALICE).statusCode()).isEqualTo(404);
        assertThat(json(send("GET", "/posts?includeDeleted=true", ALICE), "$[0].deletedBy")).isEqualTo("alice");
        HttpResponse<String> trash = send("GET", "/posts/trash", ALICE);
        assertThat(json(trash, "$.totalElements")).isEqualTo(1);
        assertThat(json(trash, "$.content[0].deleteReason")).isEqualTo("spam");

        HttpResponse<String> restored = send("POST", "/posts/" + id + "/restore", ALICE);

        assertThat(restored.statusCode()).isEqualTo(200);
        assertThat(json(restored, "$.comments")).isEqualTo(2);
        assertThat(json(restored, "$.deletedAt")).isNull();
        assertThat(jdbc.queryForObject("select count(*) from comment where deleted_at is null", Long.class))
                .isEqualTo(2);
        assertThat(json(send("GET", "/posts/trash", ALICE), "$.totalElements")).isEqualTo(0);
    }

    @Test
    void restoringAPostWhoseSlugWasTakenIsAConflictNamingTheKey() throws Exception {
        long id = create("taken", "Old");
        assertThat(send("DELETE", "/posts/" + id, ALICE).statusCode()).isEqualTo(204);
        long live = create("taken", "New");

        HttpResponse<String> conflict = send("POST", "/posts/" + id + "/restore", ALICE);

        assertThat(conflict.statusCode()).isEqualTo(409);
        assertThat(JsonPath.<List<String>>read(conflict.body(), "$.columns")).containsExactly("slug");
        assertThat(((Number) json(conflict, "$.liveId")).longValue()).isEqualTo(live);
        assertThat(jdbc.queryForObject("select deleted_at from post where id = ?", Object.class, id)).isNotNull();
    }

    @Test
    void restoringWhatIsNotDeletedIsNotFound() throws Exception {
        long id = create("live", "Live");

        assertThat(send("POST", "/posts/" + id + "/restore", ALICE).statusCode()).isEqualTo(404);
        assertThat(send("POST", "/posts/" + (id + 1000) + "/restore", ALICE).statusCode()).isEqualTo(404);
    }

    @Test
    void onlyAnAdministratorDeletesForGood() throws Exception {
        long id = create("gone", "Gone", "a comment");
        assertThat(send("DELETE", "/posts/" + id, ALICE).statusCode()).isEqualTo(204);

        assertThat(send("DELETE", "/posts/" + id + "/permanent", ALICE).statusCode()).isEqualTo(403);
        assertThat(jdbc.queryForObject("select count(*) from post where id = ?", Long.class, id)).isEqualTo(1);

        assertThat(send("DELETE", "/posts/" + id + "/permanent", ADMIN).statusCode()).isEqualTo(204);
        assertThat(jdbc.queryForObject("select count(*) from post where id = ?", Long.class, id)).isZero();
        assertThat(jdbc.queryForObject("select count(*) from comment", Long.class)).isZero();
        assertThat(send("DELETE", "/posts/" + id + "/permanent", ADMIN).statusCode()).isEqualTo(404);
    }

    @Test
    void anonymousCallersAreRefused() throws Exception {
        assertThat(send("GET", "/posts", null).statusCode()).isEqualTo(401);
    }

    private long create(String slug, String title, String... comments) throws Exception {
        StringBuilder body = new StringBuilder("{\"slug\":\"" + slug + "\",\"title\":\"" + title + "\",\"comments\":[");
        for (int i = 0; i < comments.length; i++) {
            body.append(i == 0 ? "" : ",").append('"').append(comments[i]).append('"');
        }
        HttpResponse<String> created = send("POST", "/posts", ALICE, body.append("]}").toString());
        assertThat(created.statusCode()).isEqualTo(201);
        return ((Number) json(created, "$.id")).longValue();
    }

    private HttpResponse<String> send(String method, String path, String user) throws IOException, InterruptedException {
        return send(method, path, user, null);
    }

    private HttpResponse<String> send(String method, String path, String user, String json)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        if (user != null) {
            request.header("Authorization",
                    "Basic " + Base64.getEncoder().encodeToString(user.getBytes(StandardCharsets.UTF_8)));
        }
        return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static Object json(HttpResponse<String> response, String path) {
        return JsonPath.read(response.body(), path);
    }
}

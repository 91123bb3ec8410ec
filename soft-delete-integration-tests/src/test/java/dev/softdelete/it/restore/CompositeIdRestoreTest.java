package dev.softdelete.it.restore;

import dev.softdelete.it.model.CompositeTicket;
import dev.softdelete.it.model.CompositeTicket.Key;
import dev.softdelete.it.support.TestSessionFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Every restore serves an entity with a composite id, one row at a time. */
class CompositeIdRestoreTest {

    @RegisterExtension
    static final TestSessionFactory db = TestSessionFactory.of(CompositeTicket.class);

    private static final Key FIRST = new Key("core", 1);
    private static final Key SECOND = new Key("core", 2);

    private static void twoDeletedTickets() {
        db.inTransaction(s -> {
            s.persist(new CompositeTicket(FIRST, "first"));
            s.persist(new CompositeTicket(SECOND, "second"));
        });
        db.inTransaction(s -> {
            s.remove(s.find(CompositeTicket.class, FIRST));
            s.remove(s.find(CompositeTicket.class, SECOND));
        });
        assertThat(db.rows("select title from composite_ticket where deleted_at is not null")).hasSize(2);
    }

    private static List<Object> live() {
        return db.rows("select title from composite_ticket where deleted_at is null").stream()
                .map(row -> row.get("title")).toList();
    }

    @Test
    void restoreById() {
        twoDeletedTickets();

        boolean restored = db.fromTransaction(s -> s.restore(CompositeTicket.class, FIRST));
        CompositeTicket found = db.fromTransaction(s -> s.find(CompositeTicket.class, FIRST));

        assertThat(restored).isTrue();
        assertThat(live()).containsExactly("first");
        assertThat(found).isNotNull();
    }

    @Test
    void restoreAll() {
        twoDeletedTickets();

        int restored = db.fromTransaction(s -> s.restoreAll(CompositeTicket.class, List.of(SECOND)));

        assertThat(restored).isEqualTo(1);
        assertThat(live()).containsExactly("second");
    }

    @Test
    void restoreDeletedSince() {
        Instant before = Instant.now().minusSeconds(60);
        twoDeletedTickets();

        int restored = db.fromTransaction(s -> s.restoreDeletedSince(CompositeTicket.class, before));

        assertThat(restored).isEqualTo(2);
        assertThat(live()).containsExactlyInAnyOrder("first", "second");
    }
}

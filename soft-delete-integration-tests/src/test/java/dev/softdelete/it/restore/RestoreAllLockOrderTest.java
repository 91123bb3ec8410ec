package dev.softdelete.it.restore;

import dev.softdelete.it.model.CascadeBlog;
import dev.softdelete.it.model.CascadeComment;
import dev.softdelete.it.model.CascadePost;
import dev.softdelete.it.support.LockWaits;
import dev.softdelete.it.support.StatementPause;
import dev.softdelete.it.support.TestSessionFactory;
import dev.softdelete.it.support.TwoSessions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two {@code restoreAll} calls over the same rows, listed in opposite orders, each more than one group of
 * 500: they lock their groups in id order whatever the order of the list, so the second waits for the
 * first and finds nothing left, instead of each holding the group the other needs next (a deadlock, and
 * one of them failing). The interleaving is forced: the first call stops before it locks its second
 * group, the second starts and blocks, then the first goes on. With the groups in list order, H2 and
 * PostgreSQL report a deadlock here; MariaDB did not, as its locking read of 500 of the 600 ids scans
 * and locks the whole table at this size.
 */
class RestoreAllLockOrderTest {

    private static final int ROWS = 600;

    @RegisterExtension
    static final TestSessionFactory db = TestSessionFactory.of(CascadeBlog.class, CascadePost.class,
            CascadeComment.class);

    @RegisterExtension
    final TwoSessions sessions = new TwoSessions(db);

    @Test
    void listsInOppositeOrdersLockTheirGroupsInTheSameOrder() throws Exception {
        List<Long> ascending = db.fromTransaction(s -> {
            List<Long> ids = new ArrayList<>();
            for (int i = 0; i < ROWS; i++) {
                CascadeBlog blog = new CascadeBlog("b" + i);
                s.persist(blog);
                ids.add(blog.getId());
            }
            return ids;
        });
        db.inTransaction(s -> s.createMutationQuery("delete from CascadeBlog").executeUpdate());
        List<Long> descending = new ArrayList<>(ascending);
        Collections.reverse(descending);

        // the first call stops before it locks its second group (the locking read ends in "for update",
        // "for no key update" on PostgreSQL)
        StatementPause pause = StatementPause.before(2, sql -> sql.toLowerCase(Locale.ROOT).contains("from cascade_blog")
                && sql.toLowerCase(Locale.ROOT).endsWith("update"));
        Future<Integer> firstCall = sessions.firstUntil(pause, s -> s.restoreAll(CascadeBlog.class, descending));
        Future<Integer> secondCall = sessions.second(s -> s.restoreAll(CascadeBlog.class, ascending));
        assertThat(LockWaits.awaitBlockedOrDone(db, secondCall, 10, TimeUnit.SECONDS))
                .as("the second call waits for the first").isTrue();
        pause.resume();

        assertThat(firstCall.get(30, TimeUnit.SECONDS)).isEqualTo(ROWS);
        assertThat(secondCall.get(30, TimeUnit.SECONDS)).as("the rows the first call restored").isZero();
        assertThat(db.rows("select id from cascade_blog where deleted_at is null")).hasSize(ROWS);
    }
}

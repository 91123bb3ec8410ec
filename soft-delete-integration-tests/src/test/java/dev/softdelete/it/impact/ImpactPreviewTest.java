package dev.softdelete.it.impact;

import dev.softdelete.hibernate.Impact;
import dev.softdelete.hibernate.Purger;
import dev.softdelete.hibernate.SoftDeleteSettings;
import dev.softdelete.it.model.CascadeBlog;
import dev.softdelete.it.model.CascadeComment;
import dev.softdelete.it.model.CascadeMember;
import dev.softdelete.it.model.CascadeNode;
import dev.softdelete.it.model.CascadePost;
import dev.softdelete.it.model.CascadeTeam;
import dev.softdelete.it.model.JoinedCascadeAnimal;
import dev.softdelete.it.model.JoinedCascadeBird;
import dev.softdelete.it.model.JoinedCascadeCheckup;
import dev.softdelete.it.model.JoinedCascadeFish;
import dev.softdelete.it.model.JoinedCascadeKeeper;
import dev.softdelete.it.model.JoinedCascadeTank;
import dev.softdelete.it.model.JoinedCascadeZoo;
import dev.softdelete.it.model.PolicyAddress;
import dev.softdelete.it.model.PolicyCustomer;
import dev.softdelete.it.model.PolicyInvoice;
import dev.softdelete.it.model.PolicyLead;
import dev.softdelete.it.model.PolicyNote;
import dev.softdelete.it.model.PolicyOrder;
import dev.softdelete.it.model.PolicyRegion;
import dev.softdelete.it.model.PurgeItem;
import dev.softdelete.it.support.MutableClock;
import dev.softdelete.it.support.TestSessionFactory;
import dev.softdelete.test.SqlRecorder;
import dev.softdelete.test.StatementKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

/**
 * Previews against what the operation then does: the counts of a preview equal the rows the delete or
 * restore marks, read from the tables; a preview writes nothing (no write statement, every table
 * the same before and after) and sends as many statements for many rows as for few.
 */
class ImpactPreviewTest {

    static final Instant NOW = Instant.parse("2026-09-01T10:00:00Z");
    static final MutableClock CLOCK = new MutableClock(NOW);

    static final List<String> TABLES = List.of("cascade_blog", "cascade_post", "cascade_comment", "cascade_node",
            "cascade_team", "cascade_member", "joined_cascade_animal", "joined_cascade_checkup", "joined_cascade_tank",
            "policy_region", "policy_customer", "policy_order", "policy_address", "policy_note", "purge_item");

    @RegisterExtension
    static final TestSessionFactory db = TestSessionFactory.of(CascadeBlog.class, CascadePost.class,
            CascadeComment.class, CascadeNode.class, CascadeTeam.class, CascadeMember.class, JoinedCascadeZoo.class,
            JoinedCascadeAnimal.class, JoinedCascadeBird.class, JoinedCascadeFish.class, JoinedCascadeTank.class,
            JoinedCascadeCheckup.class, JoinedCascadeKeeper.class, PolicyRegion.class, PolicyCustomer.class,
            PolicyOrder.class, PolicyInvoice.class, PolicyAddress.class, PolicyNote.class, PolicyLead.class,
            PurgeItem.class)
            .with(SoftDeleteSettings.CLOCK, CLOCK);

    /** Every table's rows, with their markers: what a preview must leave exactly as it was. */
    private Map<String, List<Map<String, Object>>> snapshot() {
        Map<String, List<Map<String, Object>>> tables = new LinkedHashMap<>();
        TABLES.forEach(table -> tables.put(table, db.rows("select * from " + table + " order by id")));
        return tables;
    }

    /** Runs a preview, checking that it writes nothing; returns it with what it recorded. */
    private Previewed preview(Supplier<Impact> preview) {
        Map<String, List<Map<String, Object>>> before = snapshot();
        SqlRecorder sql = db.record(() -> { });
        Impact impact = preview.get();
        long statements = sql.statements().size();
        assertThat(sql.count(StatementKind.UPDATE) + sql.count(StatementKind.DELETE) + sql.count(StatementKind.INSERT))
                .as("writes of a preview").isZero();
        assertThat(snapshot()).isEqualTo(before);
        return new Previewed(impact, statements);
    }

    private record Previewed(Impact impact, long statements) {
    }

    private long deleted(String table) {
        return db.rows("select id from " + table + " where deleted_at is not null").size();
    }

    private Map<Class<?>, Long> counts(Impact impact) {
        Map<Class<?>, Long> counts = new LinkedHashMap<>();
        impact.rows().forEach(rows -> counts.put(rows.entityClass(), rows.count()));
        return counts;
    }

    private long blog(int posts, int comments) {
        return db.fromTransaction(s -> {
            CascadeBlog blog = new CascadeBlog("b");
            for (int p = 0; p < posts; p++) {
                CascadePost post = blog.post("p" + p);
                for (int c = 0; c < comments; c++) {
                    post.comment("c" + c);
                }
            }
            s.persist(blog);
            blog.getPosts().forEach(post -> post.getComments().forEach(s::persist));
            return blog.getId();
        });
    }

    @Test
    void aTreePreviewCountsWhatTheDeleteThenMarksWithStatementsIndependentOfTheRows() {
        long small = blog(1, 1);
        long big = blog(4, 5);

        Previewed few = preview(() -> db.fromTransaction(s -> s.previewDelete(CascadeBlog.class, small)));
        Previewed many = preview(() -> db.fromTransaction(s -> s.previewDelete(CascadeBlog.class, big)));

        assertThat(counts(many.impact())).containsExactly(entry(CascadeBlog.class, 1L), entry(CascadePost.class, 4L),
                entry(CascadeComment.class, 20L));
        assertThat(many.impact().totalRows()).isEqualTo(25);
        assertThat(many.impact().isRefused()).isFalse();
        assertThat(many.impact().operation()).isEqualTo(Impact.Operation.DELETE);
        assertThat(many.statements()).isEqualTo(few.statements());

        db.inTransaction(s -> s.remove(s.find(CascadeBlog.class, big)));
        assertThat(deleted("cascade_post")).isEqualTo(many.impact().rows(CascadePost.class));
        assertThat(deleted("cascade_comment")).isEqualTo(many.impact().rows(CascadeComment.class));
    }

    @Test
    void aRestorePreviewCountsWhatTheRestoreThenBringsBackAndNotWhatAnotherDeleteMarked() {
        long id = blog(3, 2);
        Long earlierPost = db.fromTransaction(s -> s.find(CascadeBlog.class, id).getPosts().get(0).getId());
        CLOCK.set(NOW.minusSeconds(60));
        db.inTransaction(s -> s.remove(s.find(CascadePost.class, earlierPost)));
        CLOCK.set(NOW);
        db.inTransaction(s -> s.remove(s.find(CascadeBlog.class, id)));

        Previewed restore = preview(() -> db.fromTransaction(s -> s.previewRestore(CascadeBlog.class, id)));

        assertThat(counts(restore.impact())).containsExactly(entry(CascadeBlog.class, 1L), entry(CascadePost.class, 2L),
                entry(CascadeComment.class, 4L));
        db.inTransaction(s -> s.restore(CascadeBlog.class, id));
        assertThat(deleted("cascade_post")).isEqualTo(1);
        assertThat(deleted("cascade_comment")).isEqualTo(2);
        assertThat(preview(() -> db.fromTransaction(s -> s.previewRestore(CascadeBlog.class, id))).impact().rows())
                .as("a live row restores nothing").isEmpty();
    }

    @Test
    void aSelfReferenceIsCountedOnceAcrossItsLevels() {
        long root = db.fromTransaction(s -> {
            CascadeNode top = new CascadeNode("top");
            for (int i = 0; i < 2; i++) {
                CascadeNode middle = top.child("m" + i);
                middle.child("l" + i + "a");
                middle.child("l" + i + "b");
            }
            s.persist(top);
            return top.getId();
        });

        Impact impact = preview(() -> db.fromTransaction(s -> s.previewDelete(CascadeNode.class, root))).impact();

        assertThat(counts(impact)).containsExactly(entry(CascadeNode.class, 7L));
        db.inTransaction(s -> s.remove(s.find(CascadeNode.class, root)));
        assertThat(deleted("cascade_node")).isEqualTo(7);
    }

    @Test
    void aManyToManyCountsEachMemberOnce() {
        long team = db.fromTransaction(s -> {
            CascadeTeam first = new CascadeTeam();
            CascadeTeam second = new CascadeTeam();
            CascadeMember shared = new CascadeMember("shared");
            first.getMembers().add(shared);
            first.getMembers().add(new CascadeMember("a"));
            first.getMembers().add(new CascadeMember("b"));
            second.getMembers().add(shared);
            s.persist(first);
            s.persist(second);
            return first.getId();
        });

        Impact impact = preview(() -> db.fromTransaction(s -> s.previewDelete(CascadeTeam.class, team))).impact();

        assertThat(counts(impact)).containsExactly(entry(CascadeTeam.class, 1L), entry(CascadeMember.class, 3L));
        db.inTransaction(s -> s.remove(s.find(CascadeTeam.class, team)));
        assertThat(deleted("cascade_member")).isEqualTo(3);
    }

    @Test
    void aJoinedHierarchyCountsTheSubclassRowsTheCascadeReaches() {
        long tank = db.fromTransaction(s -> {
            JoinedCascadeTank drained = new JoinedCascadeTank("drained");
            for (int i = 0; i < 3; i++) {
                drained.add(new JoinedCascadeFish("f" + i, "salt")).checkup("c" + i);
            }
            s.persist(drained);
            s.persist(new JoinedCascadeBird("bird", 1.0));
            return drained.getId();
        });

        Impact impact = preview(() -> db.fromTransaction(s -> s.previewDelete(JoinedCascadeTank.class, tank))).impact();

        assertThat(counts(impact)).containsExactly(entry(JoinedCascadeTank.class, 1L),
                entry(JoinedCascadeFish.class, 3L), entry(JoinedCascadeCheckup.class, 3L));
        db.inTransaction(s -> s.remove(s.find(JoinedCascadeTank.class, tank)));
        assertThat(deleted("joined_cascade_animal")).isEqualTo(3);
        assertThat(deleted("joined_cascade_checkup")).isEqualTo(3);
    }

    @Test
    void aDeletePreviewNamesTheDenyingAssociationsWithTheirLiveRowsAndTheRowsItWouldMark() {
        long region = db.fromTransaction(s -> {
            PolicyRegion north = new PolicyRegion("north");
            PolicyCustomer ann = north.customer("ann");
            ann.order("o1");
            ann.order("o2");
            north.customer("bob").order("o3");
            north.customer("cyd").address("street");
            s.persist(north);
            return north.getId();
        });

        Impact impact = preview(() -> db.fromTransaction(s -> s.previewDelete(PolicyRegion.class, region))).impact();

        assertThat(impact.isRefused()).isTrue();
        assertThat(impact.refusals()).containsExactly(new Impact.Refusal(PolicyCustomer.class.getName(), "orders",
                PolicyOrder.class.getName(), 3));
        assertThat(counts(impact)).containsExactly(entry(PolicyRegion.class, 1L), entry(PolicyCustomer.class, 3L),
                entry(PolicyAddress.class, 1L));
        assertThat(impact.refusals().get(0).describe()).isEqualTo("PolicyCustomer.orders has 3 live rows (PolicyOrder)");
    }

    @Test
    void aPreviewOfADeletedRowOrOfAManagedInstanceSeesThePendingChanges() {
        long id = blog(2, 1);

        db.inTransaction(s -> {
            CascadeBlog blog = s.find(CascadeBlog.class, id);
            s.remove(blog.getPosts().get(0));
            // the pending remove is flushed first, as before a query: one post is left to cascade to
            assertThat(s.previewDelete(blog).rows(CascadePost.class)).isEqualTo(1);
            s.remove(blog);
            assertThat(s.previewDelete(CascadeBlog.class, id).rows()).as("already deleted").isEmpty();
        });
    }

    @Test
    void aPurgePreviewCountsWhatTheRunThenPurges() {
        CLOCK.set(NOW.minus(Duration.ofDays(10)));
        db.inTransaction(s -> {
            for (long i = 1; i <= 5; i++) {
                s.persist(new PurgeItem(i));
            }
        });
        db.inTransaction(s -> {
            s.remove(s.find(PurgeItem.class, 1L));
            s.remove(s.find(PurgeItem.class, 2L));
            s.remove(s.find(PurgeItem.class, 3L));
        });
        CLOCK.set(NOW);
        db.inTransaction(s -> s.remove(s.find(PurgeItem.class, 4L)));

        Purger purger = Purger.of(db.sessionFactory()).only(PurgeItem.class).clock(CLOCK);
        Impact impact = preview(purger::preview).impact();

        assertThat(impact.operation()).isEqualTo(Impact.Operation.PURGE);
        assertThat(impact.rows(PurgeItem.class)).isEqualTo(3);
        assertThat(purger.run().rowsPerEntity()).containsEntry(PurgeItem.class, impact.rows(PurgeItem.class));
        assertThat(db.countRows("purge_item")).isEqualTo(2);
    }

    @Test
    void aBulkDeletePreviewCountsWhatTheBulkDeleteAndItsCascadeThenMark() {
        long first = blog(2, 3);
        blog(1, 4);
        long kept = blog(5, 5);
        db.inTransaction(s -> s.createMutationQuery("update CascadeBlog b set b.title = 'keep' where b.id = :id")
                .setParameter("id", kept).executeUpdate());
        // a post of the first blog deleted before, with its comments: the bulk delete's cascade passes them by
        db.inTransaction(s -> s.remove(s.createQuery("from CascadePost p where p.title = 'p1' and p.blog.id = :blog",
                CascadePost.class).setParameter("blog", first).getSingleResult()));
        long postsBefore = deleted("cascade_post");
        long commentsBefore = deleted("cascade_comment");

        Previewed preview = preview(() -> db.fromTransaction(s -> s.previewBulkDelete(
                "delete from CascadeBlog b where b.title <> :title", Map.of("title", "keep"))));

        db.inTransaction(s -> s.createMutationQuery("delete from CascadeBlog b where b.title <> :title")
                .setParameter("title", "keep").executeUpdate());
        assertThat(preview.impact().rows(CascadeBlog.class)).isEqualTo(deleted("cascade_blog")).isEqualTo(2);
        assertThat(preview.impact().rows(CascadePost.class)).isEqualTo(deleted("cascade_post") - postsBefore)
                .isEqualTo(2);
        assertThat(preview.impact().rows(CascadeComment.class)).isEqualTo(deleted("cascade_comment") - commentsBefore)
                .isEqualTo(7);
    }

    @Test
    void aBulkDeletePreviewNamesTheDenyingAssociationAndCountsWithoutAlias() {
        db.inTransaction(s -> {
            PolicyRegion north = new PolicyRegion("north");
            north.customer("ann").order("o1");
            north.customer("bob").lead("lead");
            s.persist(north);
        });

        Previewed few = preview(() -> db.fromTransaction(s -> s.previewBulkDelete("delete PolicyRegion", Map.of())));
        db.inTransaction(s -> {
            PolicyRegion south = new PolicyRegion("south");
            for (int i = 0; i < 20; i++) {
                south.customer("c" + i).order("o" + i);
            }
            s.persist(south);
        });
        Previewed many = preview(() -> db.fromTransaction(s -> s.previewBulkDelete("delete PolicyRegion", Map.of())));

        assertThat(few.impact().refusals()).singleElement().satisfies(refusal -> {
            assertThat(refusal.attribute()).isEqualTo("orders");
            assertThat(refusal.liveRows()).isEqualTo(1);
        });
        assertThat(few.impact().rows(PolicyCustomer.class)).isEqualTo(2);
        assertThat(few.impact().detached(PolicyLead.class)).isEqualTo(1);
        assertThat(many.impact().refusals().get(0).liveRows()).isEqualTo(21);
        assertThat(many.statements()).isEqualTo(few.statements());
    }
}

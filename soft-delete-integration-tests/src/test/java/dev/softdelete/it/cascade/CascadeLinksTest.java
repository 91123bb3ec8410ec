package dev.softdelete.it.cascade;

import dev.softdelete.it.model.CascadeMember;
import dev.softdelete.it.model.CascadeTeam;
import dev.softdelete.it.support.TestSessionFactory;
import dev.softdelete.test.SqlRecorder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static dev.softdelete.test.SoftDeleteAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

class CascadeLinksTest {

    @RegisterExtension
    static final TestSessionFactory db = TestSessionFactory.of(CascadeTeam.class, CascadeMember.class);

    private Long team() {
        return db.fromTransaction(s -> {
            CascadeTeam team = new CascadeTeam();
            team.getMembers().add(new CascadeMember("ann"));
            team.getMembers().add(new CascadeMember("bob"));
            team.getLabels().add("red");
            team.getLabels().add("blue");
            s.persist(team);
            return team.getId();
        });
    }

    @Test
    void aManyToManyCascadeMarksTheTargetsAndKeepsTheJoinRowsAndElementRows() {
        Long team = team();

        SqlRecorder sql = db.record(() -> db.inTransaction(s -> s.remove(s.find(CascadeTeam.class, team))));

        assertThat(sql).hasNoHardDeletes().hasUpdates("cascade_member", 1);
        assertThat(db.rows("select id from cascade_member where deleted_at is null")).isEmpty();
        assertThat(db.rows("select * from cascade_team_member where cascade_team_id = ?", team)).hasSize(2);
        assertThat(db.rows("select * from cascade_team_label where cascade_team_id = ?", team)).hasSize(2);
    }

    @Test
    void restoreGivesBackTheSameGraph() {
        Long team = team();
        db.inTransaction(s -> s.remove(s.find(CascadeTeam.class, team)));

        db.inTransaction(s -> s.restore(CascadeTeam.class, team));

        db.inTransaction(s -> {
            CascadeTeam restored = s.find(CascadeTeam.class, team);
            assertThat(restored.getMembers()).hasSize(2);
            assertThat(restored.getLabels()).containsExactlyInAnyOrder("red", "blue");
        });
    }
}

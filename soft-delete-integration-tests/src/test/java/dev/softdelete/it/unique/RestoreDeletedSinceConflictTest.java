package dev.softdelete.it.unique;

import dev.softdelete.hibernate.RestoreConflictException;
import dev.softdelete.it.model.UniqueProject;
import dev.softdelete.it.model.UniqueTask;
import dev.softdelete.it.support.TestSessionFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@code restoreDeletedSince} restores its roots together, so its unique-key check covers them together:
 * a key taken by a live row refuses the call before any root comes back, and two roots that would take
 * the same key are restored as one restore at a time would restore them (the first, then a refusal).
 */
class RestoreDeletedSinceConflictTest {

    @RegisterExtension
    static final TestSessionFactory db = TestSessionFactory.of(UniqueProject.class, UniqueTask.class);

    private static Instant start;

    private static Long deletedProject(String taskCode) {
        Long id = db.fromTransaction(s -> {
            UniqueProject project = new UniqueProject("p-" + taskCode);
            project.task(taskCode);
            s.persist(project);
            return project.getId();
        });
        db.inTransaction(s -> s.remove(s.find(UniqueProject.class, id)));
        return id;
    }

    private static Long task(String code) {
        return db.fromTransaction(s -> {
            UniqueTask task = new UniqueTask(code);
            s.persist(task);
            return task.getId();
        });
    }

    private static List<Long> deletedProjects() {
        return db.rows("select id from unique_project where deleted_at is not null order by id").stream()
                .map(row -> ((Number) row.get("id")).longValue()).toList();
    }

    @Test
    void aKeyTakenByALiveRowRefusesTheCallBeforeAnyRootComesBack() {
        start = Instant.now().minusSeconds(60);
        // the first project's task is free: one restore at a time would have brought that project back
        Long free = deletedProject("T-1");
        Long taken = deletedProject("T-2");
        task("T-2");

        db.inTransaction(s -> assertThatThrownBy(() -> s.restoreDeletedSince(UniqueProject.class, start))
                .isInstanceOfSatisfying(RestoreConflictException.class,
                        conflict -> assertThat(conflict.getColumns()).containsExactly("code")));

        assertThat(deletedProjects()).containsExactly(free, taken);
        assertThat(db.rows("select id from unique_task where deleted_at is not null")).hasSize(2);
    }

    @Test
    void twoRootsTakingTheSameKeyBringBackTheFirstAndRefuseTheSecond() {
        start = Instant.now().minusSeconds(60);
        Long first = task("T-3");
        db.inTransaction(s -> s.remove(s.find(UniqueTask.class, first)));
        Long second = task("T-3");
        db.inTransaction(s -> s.remove(s.find(UniqueTask.class, second)));

        db.inTransaction(s -> assertThatThrownBy(() -> s.restoreDeletedSince(UniqueTask.class, start))
                .isInstanceOfSatisfying(RestoreConflictException.class, conflict -> {
                    assertThat(conflict.getRestoredId()).isEqualTo(second);
                    assertThat(conflict.getLiveId()).isEqualTo(first);
                }));

        assertThat(db.rows("select id from unique_task where deleted_at is null").stream()
                .map(row -> ((Number) row.get("id")).longValue())).containsExactly(first);
    }
}

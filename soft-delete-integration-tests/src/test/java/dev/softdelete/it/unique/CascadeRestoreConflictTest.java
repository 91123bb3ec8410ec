package dev.softdelete.it.unique;

import dev.softdelete.hibernate.RestoreConflictException;
import dev.softdelete.it.model.UniqueProject;
import dev.softdelete.it.model.UniqueTask;
import dev.softdelete.it.support.TestSessionFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A restore that would bring back a child whose unique key is taken fails whole: parent and child stay deleted. */
class CascadeRestoreConflictTest {

    @RegisterExtension
    static final TestSessionFactory db = TestSessionFactory.of(UniqueProject.class, UniqueTask.class);

    private record Ids(Long project, Long task) {
    }

    private static Ids deletedProjectWithTask(String code) {
        Ids ids = db.fromTransaction(s -> {
            UniqueProject project = new UniqueProject("apollo");
            UniqueTask task = project.task(code);
            s.persist(project);
            s.flush();
            return new Ids(project.getId(), task.getId());
        });
        db.inTransaction(s -> s.remove(s.find(UniqueProject.class, ids.project())));
        return ids;
    }

    private static Long liveTask(String code) {
        return db.fromTransaction(s -> {
            UniqueTask task = new UniqueTask(code);
            s.persist(task);
            return task.getId();
        });
    }

    @Test
    void restoreOfTheParentFailsWhenACascadedChildsKeyIsTakenNamingTheChild() {
        // GIVEN
        Ids deleted = deletedProjectWithTask("T-1");
        Long live = liveTask("T-1");

        // WHEN / THEN
        assertThatThrownBy(() -> db.inTransaction(s -> s.restore(UniqueProject.class, deleted.project())))
                .isInstanceOfSatisfying(RestoreConflictException.class, conflict -> {
                    assertThat(conflict.getEntityName()).isEqualTo(UniqueTask.class.getName());
                    assertThat(conflict.getColumns()).containsExactly("code");
                    assertThat(conflict.getRestoredId()).isEqualTo(deleted.task());
                    assertThat(conflict.getLiveId()).isEqualTo(live);
                });
    }

    @Test
    void aRefusedCascadeRestoreLeavesParentAndChildDeleted() {
        // GIVEN
        Ids deleted = deletedProjectWithTask("T-1");
        liveTask("T-1");

        // WHEN
        assertThatThrownBy(() -> db.inTransaction(s -> s.restore(UniqueProject.class, deleted.project())))
                .isInstanceOf(RestoreConflictException.class);

        // THEN
        assertThat(db.row("unique_project", deleted.project()).get("deleted_at")).isNotNull();
        assertThat(db.row("unique_task", deleted.task()).get("deleted_at")).isNotNull();
    }

    @Test
    void restoreOfTheParentBringsTheChildBackWhenItsKeyIsFree() {
        // GIVEN
        Ids deleted = deletedProjectWithTask("T-1");
        liveTask("T-2");

        // WHEN
        boolean restored = db.fromTransaction(s -> s.restore(UniqueProject.class, deleted.project()));

        // THEN
        assertThat(restored).isTrue();
        assertThat(db.row("unique_task", deleted.task()).get("deleted_at")).isNull();
    }
}

package dev.softdelete.it.delete;

import dev.softdelete.it.model.PlainNote;
import dev.softdelete.it.model.VersionedNote;
import dev.softdelete.it.support.TestSessionFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What {@code hardDelete} says and does when given what applications actually hold. */
class HardDeleteArgumentsTest {

    @RegisterExtension
    static final TestSessionFactory db = TestSessionFactory.of(VersionedNote.class, PlainNote.class);

    @Test
    void nullSaysToPassTheClassAndTheId() {
        assertThatThrownBy(() -> db.inTransaction(s -> s.hardDelete(null)))
                .isInstanceOf(NullPointerException.class)
                .hasMessageContaining("hardDelete(null)")
                .hasMessageContaining("hardDelete(Customer.class, id)");
    }

    @Test
    void aDetachedPlainEntityIsDeletedByItsId() {
        PlainNote detached = new PlainNote(1L, "plain");
        db.inTransaction(s -> s.persist(detached));

        boolean deleted = db.fromTransaction(s -> s.hardDelete(detached));

        assertThat(deleted).isTrue();
        assertThat(db.countRows("plain_note")).isZero();
        boolean again = db.fromTransaction(s -> s.hardDelete(new PlainNote(1L, "gone")));
        assertThat(again).as("a row gone meanwhile").isFalse();
    }

    @Test
    void aDetachedSoftDeletableEntityIsErasedByItsId() {
        VersionedNote detached = db.fromTransaction(s -> {
            VersionedNote note = new VersionedNote("detached");
            s.persist(note);
            return note;
        });

        boolean erased = db.fromTransaction(s -> s.hardDelete(detached));

        assertThat(erased).isTrue();
        assertThat(db.countRows("versioned_note")).isZero();
    }
}

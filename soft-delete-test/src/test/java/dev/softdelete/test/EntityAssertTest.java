package dev.softdelete.test;

import dev.softdelete.test.model.KitAccount;
import dev.softdelete.test.model.KitNote;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static dev.softdelete.test.SoftDeleteAssertions.assertThat;
import static dev.softdelete.test.SoftDeleteAssertions.assertThatEntity;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EntityAssertTest {

    static final Instant AT = Instant.parse("2026-03-01T10:15:30Z");
    final KitAccount deleted = KitAccount.deleted(7L, AT, "alice", "spam");
    final KitAccount live = new KitAccount(8L, "live");

    @Test
    void isSoftDeletedPassesOnADeletedEntityAndFailsOnALiveOne() {
        assertThat(deleted).isSoftDeleted();

        assertThatThrownBy(() -> assertThat(live).isSoftDeleted())
                .isInstanceOf(AssertionError.class)
                .hasMessage("Expecting KitAccount#8 [deletedAt=null, deletedBy=null, reason=null] to be soft-deleted"
                        + " but deletedAt is null");
    }

    @Test
    void isActivePassesOnALiveEntityAndFailsOnADeletedOne() {
        assertThat(live).isActive();

        assertThatThrownBy(() -> assertThat(deleted).isActive())
                .hasMessage("Expecting KitAccount#7 [deletedAt=2026-03-01T10:15:30Z, deletedBy=alice, reason=spam]"
                        + " to be active but it was soft-deleted at 2026-03-01T10:15:30Z");
    }

    @Test
    void wasDeletedByComparesTheActor() {
        assertThat(deleted).wasDeletedBy("alice");

        assertThatThrownBy(() -> assertThat(deleted).wasDeletedBy("bob"))
                .hasMessageContaining("KitAccount#7")
                .hasMessageEndingWith("to be deleted by <bob> but deletedBy is <alice>");
    }

    @Test
    void wasDeletedByFailsOnALiveEntity() {
        assertThatThrownBy(() -> assertThat(live).wasDeletedBy(null))
                .hasMessageEndingWith("to be soft-deleted but deletedAt is null");
    }

    @Test
    void wasDeletedBecauseComparesTheReason() {
        assertThat(deleted).wasDeletedBecause("spam");

        assertThatThrownBy(() -> assertThat(deleted).wasDeletedBecause("fraud"))
                .hasMessageEndingWith("to be deleted because <fraud> but reason is <spam>");
    }

    @Test
    void wasDeletedAtComparesTheInstant() {
        assertThat(deleted).wasDeletedAt(AT);

        assertThatThrownBy(() -> assertThat(deleted).wasDeletedAt(AT.plusSeconds(1)))
                .hasMessageEndingWith("to be deleted at 2026-03-01T10:15:31Z but it was deleted at 2026-03-01T10:15:30Z");
    }

    @Test
    void wasDeletedAfterIsStrict() {
        assertThat(deleted).wasDeletedAfter(AT.minusNanos(1000));

        assertThatThrownBy(() -> assertThat(deleted).wasDeletedAfter(AT))
                .hasMessageEndingWith("to be deleted after 2026-03-01T10:15:30Z but it was deleted at 2026-03-01T10:15:30Z");
    }

    @Test
    void anEntityWithoutSoftDeletableIsReadThroughItsFields() {
        assertThatEntity(KitNote.removed(3L, AT)).isSoftDeleted().wasDeletedAt(AT);

        assertThatThrownBy(() -> assertThatEntity(new KitNote(4L, "kept")).isSoftDeleted())
                .hasMessage("Expecting KitNote#4 [removedOn=null] to be soft-deleted but removedOn is null");
    }

    @Test
    void anAttributeTheAnnotationDoesNotNameFailsWithTheReason() {
        assertThatThrownBy(() -> assertThatEntity(KitNote.removed(3L, AT)).wasDeletedBy("alice"))
                .hasMessage("Expecting KitNote#3 [removedOn=2026-03-01T10:15:30Z] to record who deleted it but its"
                        + " @SoftDelete names no deletedBy attribute");
    }

    @Test
    void aClassWithoutSoftDeleteIsRejected() {
        assertThatThrownBy(() -> assertThatEntity("text").isActive())
                .hasMessage("Expecting a soft-deletable entity but java.lang.String carries no @dev.softdelete.SoftDelete");
    }

    @Test
    void aNullEntityFailsLikeAnyAssertJSubject() {
        assertThatThrownBy(() -> assertThat((KitAccount) null).isActive()).hasMessageContaining("Expecting actual not to be null");
    }

    @Test
    void assertJsOwnAssertThatStillResolvesNextToOurs() {
        // compiles only if both static imports coexist: String and Integer go to AssertJ
        assertThat("kit").startsWith("k");
        assertThat(3).isPositive();
        assertThat(live.getId()).isEqualTo(8L);
    }
}

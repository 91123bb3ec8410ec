package dev.softdelete.it.boot;

import dev.softdelete.SoftDelete;
import dev.softdelete.hibernate.SoftDeleteMappingException;
import dev.softdelete.it.support.TestDatabase;
import dev.softdelete.it.support.TestSessionFactory;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Inheritance;
import jakarta.persistence.InheritanceType;
import jakarta.persistence.Table;
import org.assertj.core.api.AbstractThrowableAssert;
import org.hibernate.SessionFactory;
import org.hibernate.boot.MappingException;
import org.hibernate.cfg.AvailableSettings;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A misconfigured {@code @SoftDelete} fails the bootstrap with one message that names the entity,
 * the attribute and the fix, and lists every problem of the bootstrap at once.
 */
class MappingValidationTest {

    private static AbstractThrowableAssert<?, ? extends Throwable> assertBootFails(Class<?>... entities) {
        return assertThatThrownBy(() -> {
            // no schema: the mapping must be refused before any DDL
            try (SessionFactory factory = TestSessionFactory.build(TestDatabase.current().dataSource(),
                    Map.of(AvailableSettings.HBM2DDL_AUTO, "none"), List.of(entities))) {
                factory.getMetamodel();
            }
        }).isInstanceOf(MappingException.class).isInstanceOf(SoftDeleteMappingException.class);
    }

    @Test
    void softDeleteOnAnEmbeddableIsReportedWhereverItIsEmbedded() {
        assertBootFails(EmbeddingEntity.class)
                .hasMessageContaining("softdelete found 2 mapping problems")
                .hasMessageContaining(EmbeddingEntity.class.getName() + "#address: " + SoftAddress.class.getName()
                        + " is an @Embeddable")
                .hasMessageContaining("@SoftDelete marks entities: remove it from SoftAddress and put it on "
                        + EmbeddingEntity.class.getName())
                .hasMessageContaining(EmbeddingEntity.class.getName() + ".previousAddresses: " + SoftAddress.class.getName());
    }

    @Test
    void missingMarkerAttributeIsReported() {
        assertBootFails(NoMarker.class)
                .hasMessageContaining("softdelete found 1 mapping problem")
                .hasMessageContaining(NoMarker.class.getName() + "#deletedAt: no such attribute")
                .hasMessageContaining("add a java.time.Instant attribute named 'deletedAt'")
                .hasMessageContaining("@SoftDelete(attribute = ");
    }

    @Test
    void aColumnNamedLikeTheOperationColumnIsReported() {
        assertBootFails(TakenOperationColumn.class)
                .hasMessageContaining("softdelete found 1 mapping problem")
                .hasMessageContaining(TakenOperationColumn.class.getName() + "#operation: its table bad_taken_operation"
                        + " already has a column delete_operation")
                .hasMessageContaining("rename that column (@Column(name = ...))");
    }

    @Test
    void markerOfTypeStringIsReported() {
        assertBootFails(StringMarker.class)
                .hasMessageContaining(StringMarker.class.getName() + "#deletedAt: type String is not supported")
                .hasMessageContaining("use Instant, OffsetDateTime, ZonedDateTime or LocalDateTime");
    }

    @Test
    void deletedByNamingAMissingAttributeIsReported() {
        assertBootFails(MissingActor.class)
                .hasMessageContaining(MissingActor.class.getName() + "#who: no such attribute for @SoftDelete(deletedBy)")
                .hasMessageContaining("add a String attribute named 'who' or remove deletedBy from @SoftDelete");
    }

    @Test
    void deletedByOfTypeLongIsReported() {
        assertBootFails(LongActor.class)
                .hasMessageContaining(LongActor.class.getName() + "#deletedBy: type Long is not supported for the actor")
                .hasMessageContaining("make it a String");
    }

    @Test
    void reasonNamingAMissingAttributeIsReported() {
        assertBootFails(MissingReason.class)
                .hasMessageContaining(MissingReason.class.getName() + "#why: no such attribute for @SoftDelete(reason)")
                .hasMessageContaining("add a String attribute named 'why' or remove reason from @SoftDelete");
    }

    @Test
    void retainInMonthsIsReported() {
        assertBootFails(RetainMonths.class)
                .hasMessageContaining(RetainMonths.class.getName() + ": @SoftDelete(retain = \"P3M\") is invalid")
                .hasMessageContaining("whose length varies")
                .hasMessageContaining("write it in days, e.g. P90D");
    }

    @Test
    void retainThatIsNotADurationIsReported() {
        assertBootFails(RetainSoon.class)
                .hasMessageContaining(RetainSoon.class.getName() + ": @SoftDelete(retain = \"soon\") is invalid")
                .hasMessageContaining("is not an ISO-8601 duration")
                .hasMessageContaining("P90D");
    }

    @Test
    void bothSoftDeleteAnnotationsOnOneEntityAreReported() {
        assertBootFails(BothAnnotations.class)
                .hasMessageContaining(BothAnnotations.class.getName()
                        + ": carries both dev.softdelete.SoftDelete and org.hibernate.annotations.SoftDelete")
                .hasMessageContaining("remove the Hibernate one");
    }

    @Test
    void softDeleteOnASubclassWhoseRootHasNoneIsReported() {
        assertBootFails(PlainRoot.class, SoftSubclass.class)
                .hasMessageContaining(SoftSubclass.class.getName() + ": @SoftDelete must be declared once, on the root")
                .hasMessageContaining(PlainRoot.class.getName())
                .hasMessageContaining("move it there or to a @MappedSuperclass the root extends");
    }

    @Test
    void problemsOfTwoEntitiesAreReportedTogether() {
        assertBootFails(NoMarker.class, LongActor.class)
                .hasMessageStartingWith("softdelete found 2 mapping problems:")
                .hasMessageContaining("\n - " + NoMarker.class.getName() + "#deletedAt: no such attribute")
                .hasMessageContaining("\n - " + LongActor.class.getName() + "#deletedBy: type Long is not supported")
                .isInstanceOfSatisfying(SoftDeleteMappingException.class, e -> assertThat(e.problems()).hasSize(2)
                        .anySatisfy(problem -> assertThat(problem).startsWith(NoMarker.class.getName() + "#deletedAt"))
                        .anySatisfy(problem -> assertThat(problem).startsWith(LongActor.class.getName() + "#deletedBy")));
    }

    @Entity(name = "BadNoMarker")
    @Table(name = "bad_no_marker")
    @SoftDelete
    static class NoMarker {
        @Id
        Long id;
        Instant removedAt;
    }

    @Entity(name = "BadStringMarker")
    @Table(name = "bad_string_marker")
    @SoftDelete
    static class StringMarker {
        @Id
        Long id;
        String deletedAt;
    }

    @Entity(name = "BadMissingActor")
    @Table(name = "bad_missing_actor")
    @SoftDelete(deletedBy = "who")
    static class MissingActor {
        @Id
        Long id;
        Instant deletedAt;
    }

    @Entity(name = "BadLongActor")
    @Table(name = "bad_long_actor")
    @SoftDelete(deletedBy = "deletedBy")
    static class LongActor {
        @Id
        Long id;
        Instant deletedAt;
        Long deletedBy;
    }

    @Entity(name = "BadMissingReason")
    @Table(name = "bad_missing_reason")
    @SoftDelete(reason = "why")
    static class MissingReason {
        @Id
        Long id;
        Instant deletedAt;
    }

    @Entity(name = "BadRetainMonths")
    @Table(name = "bad_retain_months")
    @SoftDelete(retain = "P3M")
    static class RetainMonths {
        @Id
        Long id;
        Instant deletedAt;
    }

    @Entity(name = "BadRetainSoon")
    @Table(name = "bad_retain_soon")
    @SoftDelete(retain = "soon")
    static class RetainSoon {
        @Id
        Long id;
        Instant deletedAt;
    }

    @Entity(name = "BadBothAnnotations")
    @Table(name = "bad_both_annotations")
    @SoftDelete
    @org.hibernate.annotations.SoftDelete
    static class BothAnnotations {
        @Id
        Long id;
        Instant deletedAt;
    }

    @Entity(name = "BadPlainRoot")
    @Table(name = "bad_plain_root")
    @Inheritance(strategy = InheritanceType.SINGLE_TABLE)
    static class PlainRoot {
        @Id
        Long id;
    }

    @Entity(name = "BadSoftSubclass")
    @SoftDelete
    static class SoftSubclass extends PlainRoot {
        Instant deletedAt;
    }

    @Entity(name = "BadTakenOperationColumn")
    @Table(name = "bad_taken_operation")
    @SoftDelete
    static class TakenOperationColumn {
        @Id
        Long id;
        Instant deletedAt;
        @jakarta.persistence.Column(name = "delete_operation")
        String operation;
    }

    @jakarta.persistence.Embeddable
    @SoftDelete
    static class SoftAddress {
        String street;
        Instant deletedAt;
    }

    @Entity(name = "BadEmbeddingEntity")
    @Table(name = "bad_embedding")
    static class EmbeddingEntity {
        @Id
        Long id;
        SoftAddress address;
        @jakarta.persistence.ElementCollection
        List<SoftAddress> previousAddresses;
    }
}

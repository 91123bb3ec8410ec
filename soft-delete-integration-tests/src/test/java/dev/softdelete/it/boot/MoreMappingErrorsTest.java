package dev.softdelete.it.boot;

import dev.softdelete.SoftDelete;
import dev.softdelete.hibernate.SoftDeleteMappingException;
import dev.softdelete.it.support.TestDatabase;
import dev.softdelete.it.support.TestSessionFactory;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.SessionFactory;
import org.hibernate.cfg.AvailableSettings;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * More misconfigurations (with {@code MappingValidationTest}, {@code OrderColumnMappingTest} and
 * {@code SoftDeleteSettingsBootTest}, over twenty): each fails the bootstrap, before any DDL, with a
 * message naming the entity, the attribute where there is one, and the fix.
 */
class MoreMappingErrorsTest {

    static Stream<Arguments> misconfigurations() {
        return Stream.of(
                Arguments.of(LongMarker.class, "#deletedAt: type Long is not supported",
                        "use Instant, OffsetDateTime, ZonedDateTime or LocalDateTime"),
                Arguments.of(BooleanMarker.class, "#deletedAt: type Boolean is not supported",
                        "use Instant, OffsetDateTime, ZonedDateTime or LocalDateTime"),
                Arguments.of(NotNullMarker.class, "#deletedAt: column deleted_at is NOT NULL",
                        "make it nullable"),
                Arguments.of(RenamedMarkerMissing.class, "#removedOn: no such attribute",
                        "add a java.time.Instant attribute named 'removedOn'"),
                Arguments.of(IntegerReason.class, "#why: type Integer is not supported for the reason",
                        "make it a String"),
                Arguments.of(InstantActor.class, "#who: type Instant is not supported for the actor",
                        "make it a String"),
                Arguments.of(RetainZero.class, ": @SoftDelete(retain = \"P0D\") is invalid", "must be positive"),
                Arguments.of(RetainNegative.class, ": @SoftDelete(retain = \"-P1D\") is invalid", "must be positive"),
                Arguments.of(RetainWeeks.class, ": @SoftDelete(retain = \"P2W\") is invalid", "write it in days"),
                Arguments.of(RetainEmpty.class, ": @SoftDelete(retain = \" \") is invalid", "P90D"));
    }

    @ParameterizedTest
    @MethodSource("misconfigurations")
    void theBootstrapFailsNamingTheEntityTheAttributeAndTheFix(Class<?> entity, String problem, String fix) {
        assertThatThrownBy(() -> {
            try (SessionFactory factory = TestSessionFactory.build(TestDatabase.current().dataSource(),
                    Map.of(AvailableSettings.HBM2DDL_AUTO, "none"), List.of(entity))) {
                factory.getMetamodel();
            }
        }).isInstanceOf(SoftDeleteMappingException.class)
                .hasMessageContaining(entity.getName() + problem)
                .hasMessageContaining(fix);
    }

    @Entity
    @Table(name = "bad_long_marker")
    @SoftDelete
    static class LongMarker {
        @Id
        Long id;
        Long deletedAt;
    }

    @Entity
    @Table(name = "bad_boolean_marker")
    @SoftDelete
    static class BooleanMarker {
        @Id
        Long id;
        Boolean deletedAt;
    }

    @Entity
    @Table(name = "bad_not_null_marker")
    @SoftDelete
    static class NotNullMarker {
        @Id
        Long id;
        @Column(nullable = false)
        Instant deletedAt;
    }

    @Entity
    @Table(name = "bad_renamed_marker")
    @SoftDelete(attribute = "removedOn")
    static class RenamedMarkerMissing {
        @Id
        Long id;
        Instant deletedAt;
    }

    @Entity
    @Table(name = "bad_integer_reason")
    @SoftDelete(reason = "why")
    static class IntegerReason {
        @Id
        Long id;
        Instant deletedAt;
        Integer why;
    }

    @Entity
    @Table(name = "bad_instant_actor")
    @SoftDelete(deletedBy = "who")
    static class InstantActor {
        @Id
        Long id;
        Instant deletedAt;
        Instant who;
    }

    @Entity
    @Table(name = "bad_retain_zero")
    @SoftDelete(retain = "P0D")
    static class RetainZero {
        @Id
        Long id;
        Instant deletedAt;
    }

    @Entity
    @Table(name = "bad_retain_negative")
    @SoftDelete(retain = "-P1D")
    static class RetainNegative {
        @Id
        Long id;
        Instant deletedAt;
    }

    @Entity
    @Table(name = "bad_retain_weeks")
    @SoftDelete(retain = "P2W")
    static class RetainWeeks {
        @Id
        Long id;
        Instant deletedAt;
    }

    @Entity
    @Table(name = "bad_retain_empty")
    @SoftDelete(retain = " ")
    static class RetainEmpty {
        @Id
        Long id;
        Instant deletedAt;
    }
}

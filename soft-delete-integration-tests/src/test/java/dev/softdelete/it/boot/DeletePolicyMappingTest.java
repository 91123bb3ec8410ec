package dev.softdelete.it.boot;

import dev.softdelete.DeletePolicy;
import dev.softdelete.OnSoftDelete;
import dev.softdelete.SoftDelete;
import dev.softdelete.hibernate.SoftDeleteMappingException;
import dev.softdelete.it.support.TestDatabase;
import dev.softdelete.it.support.TestSessionFactory;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
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
 * {@code @OnSoftDelete} where it cannot mean what it says: each fails the bootstrap, before any DDL,
 * naming the entity, the attribute and the fix, and all of them are reported at once.
 */
class DeletePolicyMappingTest {

    /** Booted together (they refer to each other): every problem is reported by the one bootstrap. */
    static final List<Class<?>> ALL = List.of(SoftChild.class, PlainChild.class, DenyWithRemove.class,
            KeepWithOrphanRemoval.class, CascadeToPlain.class, OnBasicAttribute.class, OnManyToOne.class,
            OnTransient.class, OnPlainOwner.class, DetachNotNull.class, RequiredChild.class, DetachUnidirectional.class,
            DetachWithRemove.class);

    static Stream<Arguments> contradictions() {
        return Stream.of(
                Arguments.of(DenyWithRemove.class, "#children: @OnSoftDelete(DENY) contradicts the association's REMOVE cascade",
                        "drop the REMOVE cascade"),
                Arguments.of(KeepWithOrphanRemoval.class, "#children: @OnSoftDelete(KEEP) contradicts",
                        "drop the REMOVE cascade"),
                Arguments.of(CascadeToPlain.class, "#plain: @OnSoftDelete(CASCADE): " + PlainChild.class.getName()
                        + " is not soft-deletable", "use DENY or KEEP"),
                Arguments.of(OnBasicAttribute.class, "#name: @OnSoftDelete(DENY): only a @OneToMany, @ManyToMany or"
                        + " inverse @OneToOne", "remove the annotation"),
                Arguments.of(OnManyToOne.class, "#parent: @OnSoftDelete(CASCADE): only a @OneToMany", "remove the annotation"),
                Arguments.of(OnTransient.class, "#cache: @OnSoftDelete(KEEP) is not on a persistent attribute",
                        "put it on the field or getter of the association"),
                Arguments.of(DetachNotNull.class, "#children: @OnSoftDelete(DETACH): the foreign key", "is NOT NULL, so its rows"
                        + " cannot be detached; make it nullable"),
                Arguments.of(DetachUnidirectional.class, "#children: @OnSoftDelete(DETACH): DETACH nulls the foreign key",
                        "the association needs mappedBy"),
                Arguments.of(DetachWithRemove.class, "#children: @OnSoftDelete(DETACH) contradicts the association's"
                        + " REMOVE cascade", "drop the REMOVE cascade"),
                Arguments.of(OnPlainOwner.class, "#children: @OnSoftDelete(DENY): " + OnPlainOwner.class.getName()
                        + " is not soft-deletable", "annotate its root entity with @dev.softdelete.SoftDelete"));
    }

    @ParameterizedTest
    @MethodSource("contradictions")
    void theBootstrapFailsNamingTheAttributeAndTheFix(Class<?> owner, String problem, String fix) {
        assertThatThrownBy(() -> {
            try (SessionFactory factory = TestSessionFactory.build(TestDatabase.current().dataSource(),
                    Map.of(AvailableSettings.HBM2DDL_AUTO, "none"), ALL)) {
                factory.getMetamodel();
            }
        }).isInstanceOf(SoftDeleteMappingException.class)
                .hasMessageContaining(owner.getName() + problem)
                .hasMessageContaining(fix);
    }

    @Entity
    @Table(name = "policy_bad_soft_child")
    @SoftDelete
    static class SoftChild {
        @Id
        Long id;
        Instant deletedAt;
        @ManyToOne
        DenyWithRemove a;
        @ManyToOne
        KeepWithOrphanRemoval b;
        @ManyToOne
        OnPlainOwner c;
        @ManyToOne
        OnBasicAttribute d;
        @ManyToOne
        DetachWithRemove e;
    }

    @Entity
    @Table(name = "policy_bad_plain_child")
    static class PlainChild {
        @Id
        Long id;
        @ManyToOne
        CascadeToPlain owner;
    }

    @Entity
    @Table(name = "policy_bad_deny_remove")
    @SoftDelete
    static class DenyWithRemove {
        @Id
        Long id;
        Instant deletedAt;
        @OneToMany(mappedBy = "a", cascade = CascadeType.ALL)
        @OnSoftDelete(DeletePolicy.DENY)
        List<SoftChild> children;
    }

    @Entity
    @Table(name = "policy_bad_keep_orphans")
    @SoftDelete
    static class KeepWithOrphanRemoval {
        @Id
        Long id;
        Instant deletedAt;
        @OneToMany(mappedBy = "b", orphanRemoval = true)
        @OnSoftDelete(DeletePolicy.KEEP)
        List<SoftChild> children;
    }

    @Entity
    @Table(name = "policy_bad_cascade_plain")
    @SoftDelete
    static class CascadeToPlain {
        @Id
        Long id;
        Instant deletedAt;
        @OneToMany(mappedBy = "owner")
        @OnSoftDelete(DeletePolicy.CASCADE)
        List<PlainChild> plain;
    }

    @Entity
    @Table(name = "policy_bad_basic")
    @SoftDelete
    static class OnBasicAttribute {
        @Id
        Long id;
        Instant deletedAt;
        @OnSoftDelete(DeletePolicy.DENY)
        String name;
    }

    @Entity
    @Table(name = "policy_bad_many_to_one")
    @SoftDelete
    static class OnManyToOne {
        @Id
        Long id;
        Instant deletedAt;
        @ManyToOne
        @OnSoftDelete(DeletePolicy.CASCADE)
        SoftChild parent;
    }

    @Entity
    @Table(name = "policy_bad_transient")
    @SoftDelete
    static class OnTransient {
        @Id
        Long id;
        Instant deletedAt;
        @Transient
        @OnSoftDelete(DeletePolicy.KEEP)
        List<SoftChild> cache;
    }

    @Entity
    @Table(name = "policy_bad_required_child")
    @SoftDelete
    static class RequiredChild {
        @Id
        Long id;
        Instant deletedAt;
        @ManyToOne(optional = false)
        @JoinColumn(nullable = false)
        DetachNotNull owner;
    }

    @Entity
    @Table(name = "policy_bad_detach_not_null")
    @SoftDelete
    static class DetachNotNull {
        @Id
        Long id;
        Instant deletedAt;
        @OneToMany(mappedBy = "owner")
        @OnSoftDelete(DeletePolicy.DETACH)
        List<RequiredChild> children;
    }

    @Entity
    @Table(name = "policy_bad_detach_unidirectional")
    @SoftDelete
    static class DetachUnidirectional {
        @Id
        Long id;
        Instant deletedAt;
        @OneToMany
        @JoinColumn(name = "unidirectional_owner_id")
        @OnSoftDelete(DeletePolicy.DETACH)
        List<PlainChild> children;
    }

    @Entity
    @Table(name = "policy_bad_detach_remove")
    @SoftDelete
    static class DetachWithRemove {
        @Id
        Long id;
        Instant deletedAt;
        @OneToMany(mappedBy = "e", cascade = CascadeType.REMOVE)
        @OnSoftDelete(DeletePolicy.DETACH)
        List<SoftChild> children;
    }

    @Entity
    @Table(name = "policy_bad_plain_owner")
    static class OnPlainOwner {
        @Id
        Long id;
        @OneToMany(mappedBy = "c")
        @OnSoftDelete(DeletePolicy.DENY)
        List<SoftChild> children;
    }
}

package dev.softdelete.it.cascade;

import dev.softdelete.hibernate.SoftDeleteSettings;
import dev.softdelete.it.model.HardCascadeItem;
import dev.softdelete.it.model.HardCascadeOwner;
import dev.softdelete.it.support.TestDatabase;
import dev.softdelete.it.support.TestSessionFactory;
import org.hibernate.SessionFactory;
import org.hibernate.boot.MappingException;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CascadeToHardEntityTest {

    private static final List<Class<?>> MODEL = List.of(HardCascadeOwner.class, HardCascadeItem.class);

    @Test
    void aRemoveCascadeToAHardEntityFailsAtBootstrapNamingTheAssociation() {
        DataSource dataSource = TestDatabase.current().dataSource();

        assertThatThrownBy(() -> TestSessionFactory.build(dataSource, Map.of(), MODEL).close())
                .isInstanceOf(MappingException.class)
                .hasMessageContaining("dev.softdelete.it.model.HardCascadeOwner#items: cascades REMOVE to"
                        + " dev.softdelete.it.model.HardCascadeItem, which is not soft-deletable")
                .hasMessageContaining(SoftDeleteSettings.CASCADE_TO_HARD_ENTITY);
    }

    @Test
    void hardDeleteModeDeletesTheHardChildrenAndMarksTheOwner() {
        try (SessionFactory factory = TestSessionFactory.build(TestDatabase.current().dataSource(),
                Map.of(SoftDeleteSettings.CASCADE_TO_HARD_ENTITY, "hard-delete"), MODEL)) {
            Long owner = ownerWithTwoItems(factory);

            factory.inTransaction(s -> s.remove(s.find(HardCascadeOwner.class, owner)));

            factory.inTransaction(s -> {
                assertThat(s.createQuery("select count(i) from HardCascadeItem i", Long.class).getSingleResult()).isZero();
                assertThat(((Number) s.createNativeQuery(
                        "select count(*) from hard_cascade_owner where deleted_at is not null").getSingleResult())
                        .intValue()).isEqualTo(1);
            });
        }
    }

    @Test
    void ignoreModeLeavesTheHardChildrenAlone() {
        try (SessionFactory factory = TestSessionFactory.build(TestDatabase.current().dataSource(),
                Map.of(SoftDeleteSettings.CASCADE_TO_HARD_ENTITY, "ignore"), MODEL)) {
            Long owner = ownerWithTwoItems(factory);

            factory.inTransaction(s -> s.remove(s.find(HardCascadeOwner.class, owner)));

            factory.inTransaction(s -> assertThat(
                    s.createQuery("select count(i) from HardCascadeItem i", Long.class).getSingleResult()).isEqualTo(2));
        }
    }

    @Test
    void anUnknownModeFailsWithTheAllowedValues() {
        assertThatThrownBy(() -> TestSessionFactory.build(TestDatabase.current().dataSource(),
                Map.of(SoftDeleteSettings.CASCADE_TO_HARD_ENTITY, "delete"), MODEL).close())
                .hasStackTraceContaining("must be fail, hard-delete or ignore, got 'delete'");
    }

    private static Long ownerWithTwoItems(SessionFactory factory) {
        return factory.fromTransaction(s -> {
            HardCascadeOwner owner = new HardCascadeOwner();
            owner.item("a");
            owner.item("b");
            s.persist(owner);
            return owner.getId();
        });
    }
}

package dev.softdelete.hibernate.internal.cascade;

import dev.softdelete.hibernate.internal.jdbc.Binds;
import dev.softdelete.hibernate.internal.compat.Versions;
import org.hibernate.LockMode;
import org.hibernate.engine.spi.EntityEntry;
import org.hibernate.engine.spi.SharedSessionContractImplementor;
import org.hibernate.metamodel.mapping.EntityVersionMapping;
import org.hibernate.persister.entity.EntityPersister;

/**
 * Moves on the version of the rows our own SQL marks or restores, as Hibernate does for an entity it
 * updates. Without it, a copy of a row read before in another session would pass its optimistic
 * check and write its old marker back; with it, that write fails as a stale update. Numeric versions
 * are incremented in SQL, row by row; other versions (timestamps) all get one new value.
 */
public final class VersionBump {

    private final EntityVersionMapping version;
    private final Object nextValue;

    private VersionBump(EntityVersionMapping version, Object nextValue) {
        this.version = version;
        this.nextValue = nextValue;
    }

    /** For one statement; does nothing for an unversioned entity. */
    public static VersionBump of(EntityPersister child, SharedSessionContractImplementor session) {
        EntityVersionMapping version = child.getVersionMapping();
        if (version == null || numeric(version)) {
            return new VersionBump(version, null);
        }
        return new VersionBump(version, Versions.seed(version, session));
    }

    private static boolean numeric(EntityVersionMapping version) {
        return Number.class.isAssignableFrom(version.getJavaType().getJavaTypeClass());
    }

    /** Appends {@code , version = ...} to a SET clause, and its bind if it has one. */
    public void appendTo(StringBuilder set, Binds binds, SharedSessionContractImplementor session) {
        if (version == null) {
            return;
        }
        String column = version.getSelectionExpression();
        if (nextValue == null) {
            set.append(", ").append(column).append(" = ").append(column).append(" + 1");
        }
        else {
            set.append(", ").append(column).append(" = ?");
            binds.add(version, nextValue, session);
        }
    }

    /** Gives a managed instance, and its entry, the version its row now has. */
    void applyTo(EntityEntry entry, Object entity, SharedSessionContractImplementor session) {
        if (version == null || entry.getVersion() == null) {
            return;
        }
        Object next = nextValue != null ? nextValue : Versions.increment(entry.getVersion(), version, session);
        LockMode lockMode = entry.getLockMode();
        // the only way to set an entry's version; it also marks the entry as force-locked, which it is not
        entry.forceLocked(entity, next);
        entry.setLockMode(lockMode);
    }
}

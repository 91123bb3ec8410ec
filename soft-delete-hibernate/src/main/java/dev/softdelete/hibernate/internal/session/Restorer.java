package dev.softdelete.hibernate.internal.session;

import dev.softdelete.hibernate.internal.SoftDeletableType;
import org.hibernate.engine.spi.SessionImplementor;
import org.hibernate.persister.entity.EntityPersister;

/**
 * Restores one row with a versioned HQL update, run by the caller inside an unfiltered scope, and
 * refreshes the managed instance, if any, so the session sees the restored state.
 * HQL rather than SQL: Hibernate then flushes what is pending on the table first, bumps the version,
 * and evicts the second-level cache region.
 */
final class Restorer {

    private final SessionImplementor session;
    private final EntityPersister persister;
    private final SoftDeletableType type;

    Restorer(SessionImplementor session, EntityPersister persister, SoftDeletableType type) {
        this.session = session;
        this.persister = persister;
        this.type = type;
    }

    boolean restore(Object id) {
        int rows = session.createMutationQuery(hql()).setParameter("id", id).executeUpdate();
        if (rows > 0) {
            Object managed = session.getPersistenceContextInternal().getEntity(session.generateEntityKey(id, persister));
            if (managed != null) {
                session.refresh(managed);
            }
        }
        return rows > 0;
    }

    private String hql() {
        StringBuilder hql = new StringBuilder("update ");
        if (persister.isVersioned()) {
            hql.append("versioned ");
        }
        hql.append(persister.getRootEntityName()).append(" e set e.").append(type.markerAttribute()).append(" = null");
        if (type.deletedByAttribute() != null) {
            hql.append(", e.").append(type.deletedByAttribute()).append(" = null");
        }
        if (type.reasonAttribute() != null) {
            hql.append(", e.").append(type.reasonAttribute()).append(" = null");
        }
        return hql.append(" where id(e) = :id and e.").append(type.markerAttribute()).append(" is not null").toString();
    }

    static void clearInMemory(EntityPersister persister, SoftDeletableType type, Object entity) {
        for (String attribute : new String[] {type.markerAttribute(), type.deletedByAttribute(), type.reasonAttribute()}) {
            if (attribute != null) {
                persister.findAttributeMapping(attribute).getPropertyAccess().getSetter().set(entity, null);
            }
        }
    }

}

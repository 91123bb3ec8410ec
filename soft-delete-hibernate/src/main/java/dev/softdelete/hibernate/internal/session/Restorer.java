package dev.softdelete.hibernate.internal.session;

import dev.softdelete.hibernate.internal.SoftDeletableType;
import dev.softdelete.hibernate.internal.SoftDeleteService;
import dev.softdelete.hibernate.internal.cascade.CascadeRunner;
import dev.softdelete.hibernate.internal.jdbc.Binds;
import dev.softdelete.hibernate.internal.jdbc.Mutations;
import dev.softdelete.hibernate.internal.schema.RestoreConflicts;
import dev.softdelete.hibernate.internal.state.MarkerColumns;
import org.hibernate.engine.spi.SessionImplementor;
import org.hibernate.persister.entity.EntityPersister;

import java.time.Instant;
import java.util.List;

/**
 * Restores one row, and what the same delete cascaded to: the children that carry the row's deletion
 * instant. Runs inside an unfiltered scope opened by the caller. The row itself is restored with a
 * versioned HQL update, so Hibernate flushes what is pending on the table first, bumps the version and
 * evicts the second-level cache region; the managed instance, if any, is refreshed.
 */
final class Restorer {

    private final SessionImplementor session;
    private final SoftDeleteService service;
    private final EntityPersister persister;
    private final SoftDeletableType type;

    Restorer(SessionImplementor session, SoftDeleteService service, EntityPersister persister, SoftDeletableType type) {
        this.session = session;
        this.service = service;
        this.persister = persister;
        this.type = type;
    }

    boolean restore(Object id) {
        Object marker = markerOf(id);
        if (marker == null) {
            return false;
        }
        RestoreConflicts.check(session, service, persister, id, MarkerColumns.toInstant(marker));
        int rows = session.createMutationQuery(hql()).setParameter("id", id).setParameter("marker", marker)
                .executeUpdate();
        if (rows == 0) {
            return false;
        }
        Instant deletedAt = MarkerColumns.toInstant(marker);
        new CascadeRunner(session, service).restore(persister, id, deletedAt);
        Object managed = session.getPersistenceContextInternal().getEntity(session.generateEntityKey(id, persister));
        if (managed != null) {
            session.refresh(managed);
        }
        return true;
    }


    private Object markerOf(Object id) {
        session.flush();
        MarkerColumns columns = MarkerColumns.of(persister, type);
        String sql = "select " + columns.marker().getSelectionExpression() + " from " + columns.table()
                + " where " + MarkerColumns.idRestriction(persister);
        List<Object> markers = Mutations.selectColumn(session, sql,
                new Binds().add(persister.getIdentifierMapping(), id, session), columns.marker().getJdbcMapping());
        return markers.isEmpty() ? null : markers.get(0);
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
        return hql.append(" where id(e) = :id and e.").append(type.markerAttribute()).append(" = :marker").toString();
    }

    static void clearInMemory(EntityPersister persister, SoftDeletableType type, Object entity) {
        for (String attribute : new String[] {type.markerAttribute(), type.deletedByAttribute(), type.reasonAttribute()}) {
            if (attribute != null) {
                persister.findAttributeMapping(attribute).getPropertyAccess().getSetter().set(entity, null);
            }
        }
    }
}

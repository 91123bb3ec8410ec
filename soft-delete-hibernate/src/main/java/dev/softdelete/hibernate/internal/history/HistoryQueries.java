package dev.softdelete.hibernate.internal.history;

import dev.softdelete.hibernate.HistoryEntry;
import dev.softdelete.hibernate.SoftDeleteHistory;
import dev.softdelete.hibernate.SoftDeleteSettings;
import dev.softdelete.hibernate.internal.jdbc.Binds;
import dev.softdelete.hibernate.internal.jdbc.Mutations;
import dev.softdelete.hibernate.internal.service.SoftDeleteService;
import org.hibernate.engine.spi.SharedSessionContractImplementor;
import org.hibernate.metamodel.mapping.JdbcMapping;
import org.hibernate.persister.entity.EntityPersister;
import org.hibernate.type.spi.TypeConfiguration;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/** The queries of {@link SoftDeleteHistory}, on the session's connection. */
public final class HistoryQueries implements SoftDeleteHistory {

    private final SharedSessionContractImplementor session;
    private final TypeConfiguration types;
    private final String table;

    public HistoryQueries(SharedSessionContractImplementor session, SoftDeleteService service) {
        if (!service.history().table()) {
            throw new IllegalStateException("softdelete: there is no history table to read; set "
                    + SoftDeleteSettings.HISTORY + "=table (a HistoryListener alone keeps no history to query)");
        }
        this.session = session;
        this.types = session.getTypeConfiguration();
        this.table = HistoryTable.sqlName(session, service);
    }

    @Override
    public List<HistoryEntry> ofRow(Class<?> entityClass, Object id) {
        Objects.requireNonNull(entityClass, "entityClass");
        Objects.requireNonNull(id, "id");
        EntityPersister persister = session.getFactory().getMappingMetamodel().findEntityDescriptor(entityClass);
        if (persister == null) {
            throw new IllegalArgumentException("softdelete: " + entityClass.getName() + " is not an entity of this"
                    + " SessionFactory");
        }
        return select("operation_id in (select operation_id from " + table
                + " where entity_name = ? and entity_id = ?)", new Binds().add(string(), persister.getEntityName())
                .add(string(), id.toString()));
    }

    @Override
    public List<HistoryEntry> ofOperation(long operation) {
        return select("operation_id = ?", new Binds().add(type(Long.class), operation));
    }

    @Override
    public List<HistoryEntry> ofActor(String actor, Instant from, Instant to) {
        Objects.requireNonNull(actor, "actor");
        return select("actor = ? and occurred_at >= ? and occurred_at < ?", new Binds().add(string(), actor)
                .add(type(Instant.class), Objects.requireNonNull(from, "from"))
                .add(type(Instant.class), Objects.requireNonNull(to, "to")));
    }

    private List<HistoryEntry> select(String where, Binds binds) {
        String tenant = HistoryTenant.readableBy(session);
        if (tenant != null) {
            // a tenant's session reads its own tenant's entries, as it reads only its own rows
            where = "(" + where + ") and tenant_id = ?";
            binds.add(string(), tenant);
        }
        List<HistoryEntry> entries = new ArrayList<>();
        for (Object[] row : Mutations.selectRows(session, "select " + HistoryTable.columnList() + " from "
                + table + " where " + where, binds, type(Long.class), type(Long.class), string(), string(),
                string(), type(Long.class), type(Instant.class), string(), string(), string())) {
            entries.add(new HistoryEntry((Long) row[0], (Long) row[1], HistoryEntry.Kind.valueOf((String) row[2]),
                    (String) row[3], (String) row[4], (Long) row[5], (Instant) row[6], (String) row[7],
                    (String) row[8]));
        }
        // oldest first; within an instant and operation, a delete before its restore (a fixed or coarse clock
        // gives both one instant), and the entries of one kind in the order written (their ids follow each other)
        entries.sort(Comparator.comparing(HistoryEntry::at).thenComparingLong(HistoryEntry::operation)
                .thenComparing(HistoryEntry::kind).thenComparingLong(HistoryEntry::entryId));
        return entries;
    }

    private JdbcMapping string() {
        return type(String.class);
    }

    private JdbcMapping type(Class<?> javaType) {
        return types.getBasicTypeForJavaType(javaType);
    }
}

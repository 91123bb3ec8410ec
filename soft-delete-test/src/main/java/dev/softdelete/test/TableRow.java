package dev.softdelete.test;

import java.time.Instant;

/**
 * The soft-delete state of one entity row as the table holds it, read below Hibernate and every
 * visibility scope.
 *
 * @param entityName the entity name
 * @param table      the table read (for JOINED hierarchies, the root table that holds the marker)
 * @param id         the id looked up
 * @param exists     whether the table has a row with that id
 * @param deletedAt  the marker column, or {@code null} when the row is live or missing
 * @param deletedBy  the actor column, or {@code null} when none is mapped, the row is live or missing
 * @param reason     the reason column, or {@code null} when none is mapped, the row is live or missing
 * @since 0.1.0
 */
public record TableRow(String entityName, String table, Object id, boolean exists, Instant deletedAt,
                       Object deletedBy, Object reason) {

    /**
     * A short description for failure messages.
     *
     * @return e.g. {@code Customer#42 in table customer [deleted_at=..., deleted_by=alice, reason=null]}
     * @since 0.1.0
     */
    public String describe() {
        String where = entityName + "#" + id + " in table " + table;
        return exists
                ? where + " [marker=" + deletedAt + ", deletedBy=" + deletedBy + ", reason=" + reason + "]"
                : where + " (no row)";
    }
}

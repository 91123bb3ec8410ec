package dev.softdelete.hibernate;

import java.util.List;
import java.util.Objects;

/**
 * What an operation would do, computed without doing it: the rows it would mark, restore or purge per
 * entity, and the {@code @OnSoftDelete(DENY)} associations that would refuse it. A preview reads with
 * the same conditions as the operation, one statement per association and level (never per row), and
 * changes and locks nothing; another transaction may change the answer before the operation runs.
 *
 * <pre>{@code
 * Impact impact = session.previewDelete(customer);
 * if (impact.isRefused()) {
 *     return impact.refusals().get(0).describe();       // "Customer.orders has 3 live rows"
 * }
 * long orders = impact.rows(Order.class);              // 12
 * }</pre>
 *
 * @param operation what was previewed
 * @param rows      the rows per entity, in the order the operation reaches them; an entity whose
 *                  rows it would not touch is absent
 * @param detached  the rows per entity whose foreign key an {@code @OnSoftDelete(DETACH)} association
 *                  would null (a delete) or set again (a restore); they stay live
 * @param refusals  the {@code DENY} associations that would refuse the operation (empty if none)
 * @since 0.1.0
 */
public record Impact(Operation operation, List<Rows> rows, List<Rows> detached, List<Refusal> refusals) {

    /** The operations a preview covers. */
    public enum Operation {
        /** {@code remove()}: rows soft-deleted, the root and what its cascades reach. */
        DELETE,
        /** {@code restore()}: rows made live again, the root and what its delete cascaded to. */
        RESTORE,
        /** {@link Purger#run()}: deleted rows past retention that would be hard-deleted or anonymised. */
        PURGE
    }

    /**
     * The rows of one entity an operation would touch.
     *
     * @param entityName  the entity name, as in HQL
     * @param entityClass the entity's class
     * @param count       the number of rows, each counted once however many paths lead to it
     */
    public record Rows(String entityName, Class<?> entityClass, long count) {
    }

    /**
     * An association that refuses a delete.
     *
     * @param owner     the entity declaring {@code @OnSoftDelete(DENY)}
     * @param attribute the association attribute
     * @param target    the entity the association leads to
     * @param liveRows  the live rows of {@code target} it leads to from the rows the delete would mark
     */
    public record Refusal(String owner, String attribute, String target, long liveRows) {

        /**
         * One line for people, with the entities' simple names: {@code "Customer.orders has 3 live rows (Order)"}.
         *
         * @return the description
         */
        public String describe() {
            return simpleName(owner) + "." + attribute + " has " + liveRows + " live row" + (liveRows == 1 ? "" : "s")
                    + " (" + simpleName(target) + ")";
        }

        private static String simpleName(String entityName) {
            return entityName.substring(entityName.lastIndexOf('.') + 1);
        }
    }

    /**
     * Creates an impact; built by the library.
     *
     * @param operation what was previewed
     * @param rows      the rows per entity
     * @param detached  the rows per entity detached, or linked again
     * @param refusals  the refusing associations
     */
    public Impact {
        Objects.requireNonNull(operation, "operation");
        rows = List.copyOf(rows);
        detached = List.copyOf(detached);
        refusals = List.copyOf(refusals);
    }

    /**
     * The rows of an entity class whose foreign key the operation would null (or set again).
     *
     * @param entityClass an entity class
     * @return the count, 0 if none
     */
    public long detached(Class<?> entityClass) {
        return detached.stream().filter(r -> r.entityClass() == entityClass).mapToLong(Rows::count).sum();
    }

    /**
     * The rows of an entity class the operation would touch.
     *
     * @param entityClass an entity class
     * @return the count, 0 if the operation would touch none of its rows
     */
    public long rows(Class<?> entityClass) {
        return rows.stream().filter(r -> r.entityClass() == entityClass).mapToLong(Rows::count).sum();
    }

    /**
     * The rows the operation would mark, restore or purge, over all entities ({@link #detached()} not included).
     *
     * @return the total count
     */
    public long totalRows() {
        return rows.stream().mapToLong(Rows::count).sum();
    }

    /**
     * Whether a {@code DENY} association would refuse the operation: it would then change nothing.
     *
     * @return true if {@link #refusals()} is not empty
     */
    public boolean isRefused() {
        return !refusals.isEmpty();
    }
}

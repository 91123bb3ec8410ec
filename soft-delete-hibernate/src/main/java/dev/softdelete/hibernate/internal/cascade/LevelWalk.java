package dev.softdelete.hibernate.internal.cascade;

import dev.softdelete.hibernate.internal.jdbc.Binds;
import dev.softdelete.hibernate.internal.jdbc.IdChunks;
import dev.softdelete.hibernate.internal.jdbc.Mutations;
import dev.softdelete.hibernate.internal.model.CascadeStep;
import dev.softdelete.hibernate.internal.service.SoftDeleteService;
import org.hibernate.engine.spi.SharedSessionContractImplementor;
import org.hibernate.metamodel.mapping.JdbcMapping;
import org.hibernate.persister.entity.EntityPersister;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The level-by-level walk over the rows that a root's REMOVE cascades reach. The cascade delete, the
 * cascade restore and the restore's unique-key check share it. A level is SQL that selects the ids of
 * its rows (as column {@code sd_id}), with its parameters. What a step does with a level, and whether
 * the walk goes on below it, is the caller's decision.
 */
public final class LevelWalk {

    /** Deeper than this, a walk is taken for a cycle of live rows and refused. */
    public static final int MAX_DEPTH = 64;

    /** The most rows of a level that {@link #rebased} binds. */
    static final int REBASED_ROWS = 10_000;

    /**
     * The rows of one level: their type, SQL selecting their ids as column {@code sd_id} with its
     * parameters, the tables that SQL reads (an UPDATE of one of them needs a derived table), their
     * distance from the root, and whether they are one row of exactly that type, whose own class's
     * cascades apply (otherwise the rows may be of any of its subclasses, and theirs apply too).
     */
    public record Level(EntityPersister type, String ids, Binds binds, Set<String> tables, int depth,
            boolean ownClassOnly) {

        /** Rows that SQL selects, at some depth, of the type or any of its subclasses. */
        public Level(EntityPersister type, String ids, Binds binds, Set<String> tables, int depth) {
            this(type, ids, binds, tables, depth, false);
        }

        /** The root row itself: its type (its class, not a superclass) and its id, bound once. */
        public static Level root(EntityPersister type, Binds idBinds) {
            return new Level(type, "?", idBinds, Set.of(), 0, true);
        }

        /**
         * Roots given by id, of the type or any of its subclasses: {@code ids} is a list of placeholders
         * ({@code ?, ?, ?}) whose values are the binds, so SQL may compare with them directly instead of
         * selecting them.
         */
        public static Level roots(EntityPersister type, String placeholders, Binds idBinds) {
            return new Level(type, placeholders, idBinds, Set.of(), 0, false);
        }

        /** Whether this is a single root row, whose own class's cascades apply. */
        public boolean isRootRow() {
            return ownClassOnly;
        }

        /** Whether the ids are bound values rather than a query: the roots, not a level below them. */
        public boolean bound() {
            return isBound(ids);
        }
    }

    /** Whether SQL selecting ids is a list of bound values ({@code ?} or {@code ?, ?}) rather than a query. */
    public static boolean isBound(String ids) {
        return ids.startsWith("?");
    }

    /**
     * The next level below a step: SQL selecting its ids, and the parameters that come before the
     * parents' own in that SQL.
     */
    public record Next(String ids, Binds leadingBinds) {
    }

    /** What the caller does at each step; returns the level below it, or null to go no deeper there. */
    @FunctionalInterface
    public interface StepAction {
        Next apply(CascadeStep step, Level parents);
    }

    private LevelWalk() {
    }

    /**
     * Walks breadth-first from {@code start}. The root row follows its own class's cascades. A deeper
     * level also follows the cascades of its type's subclasses.
     * <p>
     * A level's SQL nests the SQL of every level above it, which costs more than the depth: H2 2.4 runs
     * a nested {@code in (subquery)} again for every row once the transaction has written its table (a
     * self-referencing chain of nine rows took 24 s to delete) and its planner takes seconds for a few
     * nested derived tables; MariaDB refuses sixty levels ("Too high level of nesting for select").
     * Only an entity that cascades to its own type, directly or round a cycle of types, goes that deep,
     * so a level of a type already on its path from the start, with steps below it, is read right away
     * and walked on as its bound ids ({@link #rebased}): the SQL below it starts again from there. A type
     * that two paths reach (a diamond) is no deeper than either path and keeps its SQL. Leaving one
     * round of a cycle nested instead, and reading every other level, was ten times slower on H2 2.4:
     * the nested level's subquery over the table just written runs again for every row. A walk whose levels
     * are HQL, not SQL (the preview of a bulk delete), passes no session and keeps them nested.
     *
     * @throws IllegalStateException when a walk goes deeper than {@link #MAX_DEPTH}, before the step
     *                               that would go deeper runs
     */
    public static void walk(SharedSessionContractImplementor session, SoftDeleteService service, Level start,
            StepAction action) {
        Deque<Level> levels = new ArrayDeque<>();
        levels.add(start);
        Map<Level, Set<String>> typesAbove = new IdentityHashMap<>();
        typesAbove.put(start, Set.of());
        while (!levels.isEmpty()) {
            Level parents = levels.poll();
            Set<String> path = new HashSet<>(typesAbove.remove(parents));
            path.add(parents.type().getEntityName());
            for (CascadeStep step : stepsFrom(service, parents)) {
                Next next = action.apply(step, parents);
                if (next != null) {
                    Level level = below(parents, step, next);
                    boolean roundACycle = path.contains(level.type().getEntityName());
                    boolean rebase = session != null && roundACycle && !stepsFrom(service, level).isEmpty();
                    for (Level queued : rebase ? rebased(session, level) : List.of(level)) {
                        typesAbove.put(queued, path);
                        levels.add(queued);
                    }
                }
            }
        }
    }

    /**
     * The level as its bound ids, read now, in chunks of {@link IdChunks#SIZE}: the walk's actions take a
     * level's rows as its SQL selects them at once (a delete's or a restore's rows just written, a
     * preview's unchanged ones), so reading them now selects the same rows. A level of more than
     * {@value #REBASED_ROWS} rows keeps its SQL: the checks that compare a level with those before it
     * ({@code ReachedRows}) bind the ids of every level of the type in one statement, and must stay
     * within the drivers' parameter limits.
     */
    static List<Level> rebased(SharedSessionContractImplementor session, Level level) {
        if (level.bound()) {
            return List.of(level);
        }
        JdbcMapping id = level.type().getIdentifierMapping().getSingleJdbcMapping();
        List<Object> ids = new ArrayList<>(Mutations.selectColumn(session, "select distinct sd_level.sd_id from ("
                + level.ids() + ") sd_level where sd_level.sd_id is not null", level.binds(), id, REBASED_ROWS + 1));
        if (ids.size() > REBASED_ROWS || ids.isEmpty()) {
            return List.of(level);
        }
        List<Level> chunks = new ArrayList<>();
        for (List<Object> chunk : IdChunks.of(ids)) {
            chunks.add(new Level(level.type(), IdChunks.placeholders(chunk),
                    IdChunks.binds(chunk, level.type().getIdentifierMapping(), session), Set.of(), level.depth(),
                    level.isRootRow()));
        }
        return chunks;
    }

    private static List<CascadeStep> stepsFrom(SoftDeleteService service, Level parents) {
        return parents.isRootRow()
                ? service.cascadePlans().of(parents.type()).steps()
                : service.cascadePlans().stepsFromRowsOf(parents.type());
    }

    /** The level that {@code next} selects below {@code parents} through {@code step}. */
    static Level below(Level parents, CascadeStep step, Next next) {
        if (parents.depth() + 1 > MAX_DEPTH) {
            throw new IllegalStateException("softdelete: the REMOVE cascade from " + parents.type().getEntityName()
                    + " through " + step.owner().getEntityName() + "#" + step.attribute() + " is deeper than "
                    + MAX_DEPTH + " levels; check the association graph for a cycle of live rows");
        }
        Set<String> tables = new HashSet<>(parents.tables());
        tables.add(step.linkTable());
        tables.add(step.childColumns().table());
        return new Level(step.child(), next.ids(), new Binds().addAll(next.leadingBinds()).addAll(parents.binds()), tables,
                parents.depth() + 1);
    }
}

package dev.softdelete.hibernate.internal.cascade;

import dev.softdelete.hibernate.internal.cascade.CascadeRunner.LevelUpdate;
import dev.softdelete.hibernate.internal.cascade.LevelWalk.Level;
import dev.softdelete.hibernate.internal.jdbc.Binds;
import dev.softdelete.hibernate.internal.jdbc.CacheCleanup;
import dev.softdelete.hibernate.internal.model.DetachStep;
import dev.softdelete.hibernate.internal.service.SoftDeleteService;
import org.hibernate.engine.spi.SharedSessionContractImplementor;
import org.jboss.logging.Logger;

/**
 * The {@code @OnSoftDelete(DETACH)} associations of the rows of one level: a delete nulls their
 * foreign key, keeping it in the saved column; a restore puts it back on the rows still unlinked.
 * One UPDATE per association and level, in the statement form the cascade uses on each database.
 */
final class Detachments {

    private static final Logger LOG = Logger.getLogger(Detachments.class);

    private final SharedSessionContractImplementor session;
    private final SoftDeleteService service;
    private final CascadeRunner runner;

    Detachments(SharedSessionContractImplementor session, SoftDeleteService service, CascadeRunner runner) {
        this.session = session;
        this.service = service;
        this.runner = runner;
    }

    /** Unlinks the rows that the level's rows lead to through a DETACH association. */
    void detach(Level level) {
        for (DetachStep step : service.cascadePlans().detachStepsOf(level.type(), level.isRootRow())) {
            String set = step.savedColumn() + " = " + step.keyColumn() + ", " + step.keyColumn() + " = null";
            int rows = run(step, level, step.keyColumn(), set, step.keyColumn() + " is not null");
            LOG.tracef("detach %s: %d rows", step.path(), rows);
            if (rows > 0) {
                ManagedKeys.detached(session, step);
                CacheCleanup.afterWriting(session, step.child());
            }
        }
    }

    /** Links again the rows that the level's rows detached and that are still unlinked. */
    void reattach(Level level) {
        for (DetachStep step : service.cascadePlans().detachStepsOf(level.type(), level.isRootRow())) {
            String set = step.keyColumn() + " = " + step.savedColumn() + ", " + step.savedColumn() + " = null";
            int rows = run(step, level, step.savedColumn(), set, step.keyColumn() + " is null");
            LOG.tracef("reattach %s: %d rows", step.path(), rows);
            if (rows > 0) {
                ManagedKeys.reattached(session, step);
                CacheCleanup.afterWriting(session, step.child());
            }
        }
    }

    /** One UPDATE of the step's table, on the rows whose {@code column} holds an id of the level. */
    private int run(DetachStep step, Level level, String column, String set, String where) {
        String ofLevel = column + " in (" + runner.readable(level.ids(), level.tables().contains(step.table())) + ")";
        LevelUpdate update = runner.levelUpdate(step.table(), column, step.childId(), level.ids(), "", level, ofLevel,
                set, new Binds(), where, new Binds());
        return runner.execute(update);
    }
}

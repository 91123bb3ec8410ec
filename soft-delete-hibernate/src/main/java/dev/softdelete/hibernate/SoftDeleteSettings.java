package dev.softdelete.hibernate;

/**
 * The Hibernate properties that configure softdelete. Pass them like any other Hibernate
 * setting ({@code persistence.xml}, {@code hibernate.properties}, or the settings map of the
 * bootstrap).
 *
 * <pre>{@code
 * settings.put(SoftDeleteSettings.CLOCK, Clock.systemUTC());
 * settings.put(SoftDeleteSettings.ACTOR_PROVIDER, (ActorProvider) () -> currentUser());
 * }</pre>
 *
 * @since 0.1.0
 */
public final class SoftDeleteSettings {

    /**
     * The {@link java.time.Clock} whose instant marks a deleted row: a {@code Clock} instance.
     * Defaults to {@link java.time.Clock#systemUTC()}.
     */
    public static final String CLOCK = "softdelete.clock";

    /**
     * Who deletes: a {@link dev.softdelete.ActorProvider} instance, class, or class name (with a
     * public no-argument constructor). No default: without one, the actor attribute stays
     * {@code null}.
     */
    public static final String ACTOR_PROVIDER = "softdelete.actor_provider";

    /**
     * The retention of entities whose {@code @SoftDelete(retain)} is empty: an ISO-8601 duration
     * such as {@code P90D}, or {@code forever}. Defaults to {@code forever}.
     */
    public static final String RETENTION_DEFAULT = "softdelete.retention.default";

    /**
     * What to do when REMOVE cascades to an entity that is not soft-deletable:
     * {@code fail}, {@code hard-delete} or {@code ignore}. Defaults to {@code fail}.
     */
    public static final String CASCADE_TO_HARD_ENTITY = "softdelete.cascade.to_hard_entity";

    /**
     * Which rows the unique constraints of a soft-deletable entity cover: {@code live-rows} or
     * {@code all-rows}. Defaults to {@code live-rows}.
     */
    public static final String UNIQUE = "softdelete.unique";

    /**
     * {@code true} or {@code false}: {@code false} turns the whole integration off, so that
     * {@code @SoftDelete} entities behave as plain entities. Defaults to {@code true}.
     */
    public static final String ENABLED = "softdelete.enabled";

    /**
     * What to do when the Hibernate ORM on the class path is not a 7.4.x version: {@code fail} stops
     * the bootstrap with a message naming the version found, {@code warn} logs it and goes on
     * (unsupported; for trying a newer Hibernate on purpose). Defaults to {@code fail}.
     */
    public static final String HIBERNATE_VERSION_CHECK = "softdelete.hibernate_version_check";

    /**
     * Where the history of deletes, cascades, restores, hard deletes and purges goes: {@code none} or
     * {@code table}. {@code table} adds the table {@code softdelete_history} to the mapping (created by
     * the schema tool like any other; {@link SoftDeleteSchema#historyStatements()} prints it) and writes
     * each operation's entries to it in the operation's own transaction, one INSERT per operation;
     * {@link SoftDeleteSession#history()} reads it. Defaults to {@code none}.
     */
    public static final String HISTORY = "softdelete.history";

    /**
     * A {@link HistoryListener} that receives each committed transaction's history: an instance, class
     * or class name (with a public no-argument constructor). Independent of {@link #HISTORY}. No default.
     */
    public static final String HISTORY_LISTENER = "softdelete.history.listener";

    private SoftDeleteSettings() {
    }
}

package dev.softdelete.spring.autoconfigure;

import dev.softdelete.ActorProvider;
import dev.softdelete.hibernate.Purger;
import dev.softdelete.hibernate.SoftDeleteSettings;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The {@code softdelete.*} properties of a Spring Boot application. Each one is handed to Hibernate
 * as the library setting of the same meaning ({@link SoftDeleteSettings}); a value that is not
 * allowed stops the start with a message naming the property and the values it takes.
 *
 * <pre>
 * softdelete.retention.default=P90D
 * softdelete.unique=live-rows
 * softdelete.purge.enabled=true
 * softdelete.purge.cron=0 30 3 * * *
 * </pre>
 *
 * The clock and the actor come from beans: a single {@link java.time.Clock} bean marks deleted rows,
 * an {@link ActorProvider} bean names who deletes (else the name of Spring Security's current
 * authentication, when Spring Security is present).
 *
 * @since 0.1.0
 */
@ConfigurationProperties("softdelete")
public class SoftDeleteProperties {

    /** Whether the library is on. {@code false} turns it off in Hibernate too: entities behave as plain entities. */
    private boolean enabled = true;

    /** Which rows the unique constraints of soft-deletable entities cover. */
    private UniqueRows unique = UniqueRows.LIVE_ROWS;

    /** What a REMOVE cascade does when it reaches an entity that is not soft-deletable. */
    private HardEntityCascade cascadeToHardEntity = HardEntityCascade.FAIL;

    /** What to do when the Hibernate ORM found is not a 7.4.x version. */
    private VersionCheck hibernateVersionCheck = VersionCheck.FAIL;

    /**
     * An {@link ActorProvider} class to create as a Spring bean (with dependency injection) when the
     * context holds no {@code ActorProvider} bean.
     */
    private Class<? extends ActorProvider> actorProvider;

    private final Retention retention = new Retention();

    private final Purge purge = new Purge();

    /**
     * Where the history of deletes, cascades, restores, hard deletes and purges goes: {@code none}, or
     * {@code table} (the table {@code softdelete_history}, read with {@code SoftDeleteSession.history()}).
     * Every {@code HistoryListener} bean receives each committed transaction's entries either way.
     */
    private History history = History.NONE;

    /** @return whether the library is on */
    public boolean isEnabled() {
        return enabled;
    }

    /** @param enabled whether the library is on */
    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    /** @return which rows unique constraints cover */
    public UniqueRows getUnique() {
        return unique;
    }

    /** @param unique which rows unique constraints cover */
    public void setUnique(UniqueRows unique) {
        this.unique = unique;
    }

    /** @return what a cascade to a plain entity does */
    public HardEntityCascade getCascadeToHardEntity() {
        return cascadeToHardEntity;
    }

    /** @param cascadeToHardEntity what a cascade to a plain entity does */
    public void setCascadeToHardEntity(HardEntityCascade cascadeToHardEntity) {
        this.cascadeToHardEntity = cascadeToHardEntity;
    }

    /** @return what an unsupported Hibernate version does */
    public VersionCheck getHibernateVersionCheck() {
        return hibernateVersionCheck;
    }

    /** @param hibernateVersionCheck what an unsupported Hibernate version does */
    public void setHibernateVersionCheck(VersionCheck hibernateVersionCheck) {
        this.hibernateVersionCheck = hibernateVersionCheck;
    }

    /** @return the actor provider class to create, or {@code null} */
    public Class<? extends ActorProvider> getActorProvider() {
        return actorProvider;
    }

    /** @param actorProvider the actor provider class to create */
    public void setActorProvider(Class<? extends ActorProvider> actorProvider) {
        this.actorProvider = actorProvider;
    }

    /** @return the retention settings */
    public Retention getRetention() {
        return retention;
    }

    /** @return where the history goes */
    public History getHistory() {
        return history;
    }

    /** @param history where the history goes */
    public void setHistory(History history) {
        this.history = history;
    }

    /** @return the scheduled purge's settings */
    public Purge getPurge() {
        return purge;
    }

    /** Which rows unique constraints cover ({@link SoftDeleteSettings#UNIQUE}). */
    public enum UniqueRows {
        /** Only live rows: a deleted row keeps its values and does not block a new row with them. */
        LIVE_ROWS,
        /** Every row, deleted or not. */
        ALL_ROWS;

        String settingValue() {
            return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        }
    }

    /** What a REMOVE cascade does at a plain entity ({@link SoftDeleteSettings#CASCADE_TO_HARD_ENTITY}). */
    public enum HardEntityCascade {
        /** Stop the start with an error naming the association. */
        FAIL,
        /** Hard-delete the plain entity's rows. */
        HARD_DELETE,
        /** Leave the plain entity's rows alone. */
        IGNORE;

        String settingValue() {
            return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        }
    }

    /** Where the history goes ({@link SoftDeleteSettings#HISTORY}). */
    public enum History {
        /** No history table. */
        NONE,
        /** The history table, written in each operation's transaction. */
        TABLE;

        String settingValue() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** What an unsupported Hibernate version does ({@link SoftDeleteSettings#HIBERNATE_VERSION_CHECK}). */
    public enum VersionCheck {
        /** Stop the start with a message naming the version found. */
        FAIL,
        /** Log it and go on (unsupported). */
        WARN;

        String settingValue() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** {@code softdelete.retention.*}. */
    public static class Retention {

        /**
         * How long deleted rows of entities without {@code @SoftDelete(retain)} are kept before the purge
         * removes them: an ISO-8601 duration such as {@code P90D}, or {@code forever}.
         */
        private String defaultRetention = "forever";

        /** @return the default retention */
        public String getDefault() {
            return defaultRetention;
        }

        /** @param defaultRetention the default retention: an ISO-8601 duration or {@code forever} */
        public void setDefault(String defaultRetention) {
            this.defaultRetention = defaultRetention;
        }
    }

    /** {@code softdelete.purge.*}: the purge run on a schedule. */
    public static class Purge {

        /** Whether the purge runs on the schedule of {@code cron}. */
        private boolean enabled;

        /** When the purge runs: a Spring cron expression (second, minute, hour, day, month, weekday). */
        private String cron = "0 0 3 * * *";

        /** The time zone of {@code cron}; the system's when empty. */
        private String zone;

        /** How many rows each purge batch deletes. */
        private int batchSize = Purger.DEFAULT_BATCH_SIZE;

        /**
         * The tenant identifier of the purge's sessions, as text, for a multi-tenant SessionFactory without a
         * CurrentTenantIdentifierResolver; with @TenantId the purge still covers every tenant's due rows.
         */
        private String tenantIdentifier;

        /** @return whether the scheduled purge is on */
        public boolean isEnabled() {
            return enabled;
        }

        /** @param enabled whether the scheduled purge is on */
        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }

        /** @return the cron expression */
        public String getCron() {
            return cron;
        }

        /** @param cron the cron expression */
        public void setCron(String cron) {
            this.cron = cron;
        }

        /** @return the cron's time zone, or {@code null} */
        public String getZone() {
            return zone;
        }

        /** @param zone the cron's time zone */
        public void setZone(String zone) {
            this.zone = zone;
        }

        /** @return the batch size */
        public int getBatchSize() {
            return batchSize;
        }

        /** @param batchSize the batch size, at least 1 */
        public void setBatchSize(int batchSize) {
            this.batchSize = batchSize;
        }

        /** @return the tenant identifier of the purge's sessions, or {@code null} */
        public String getTenantIdentifier() {
            return tenantIdentifier;
        }

        /** @param tenantIdentifier the tenant identifier of the purge's sessions, as text */
        public void setTenantIdentifier(String tenantIdentifier) {
            this.tenantIdentifier = tenantIdentifier;
        }
    }
}

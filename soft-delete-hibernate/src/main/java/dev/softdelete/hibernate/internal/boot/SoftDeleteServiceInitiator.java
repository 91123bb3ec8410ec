package dev.softdelete.hibernate.internal.boot;

import dev.softdelete.ActorProvider;
import dev.softdelete.RetentionPolicy;
import dev.softdelete.hibernate.HistoryListener;
import dev.softdelete.hibernate.SoftDeleteSettings;
import dev.softdelete.hibernate.internal.delete.SoftDeleteSqmTranslatorFactory;
import dev.softdelete.hibernate.internal.model.HardEntityCascade;
import dev.softdelete.hibernate.internal.model.LiveUniqueKeys;
import dev.softdelete.hibernate.internal.service.HistorySettings;
import dev.softdelete.hibernate.internal.service.SoftDeleteService;
import dev.softdelete.hibernate.internal.compat.Settings;
import org.hibernate.boot.registry.StandardServiceInitiator;
import org.hibernate.boot.registry.selector.spi.StrategySelector;
import org.hibernate.cfg.QuerySettings;
import org.hibernate.engine.config.spi.ConfigurationService;
import org.hibernate.service.spi.ServiceRegistryImplementor;

import java.time.Clock;
import java.util.Map;

/**
 * Creates the {@link SoftDeleteService} from the settings, failing fast on a bad value.
 */
public final class SoftDeleteServiceInitiator implements StandardServiceInitiator<SoftDeleteService> {

    public static final SoftDeleteServiceInitiator INSTANCE = new SoftDeleteServiceInitiator();

    private SoftDeleteServiceInitiator() {
    }

    @Override
    public Class<SoftDeleteService> getServiceInitiated() {
        return SoftDeleteService.class;
    }

    @Override
    public SoftDeleteService initiateService(Map<String, Object> settings, ServiceRegistryImplementor registry) {
        boolean enabled = isEnabled(settings);
        Clock clock = clockOf(settings.get(SoftDeleteSettings.CLOCK));
        ActorProvider actorProvider = strategyOf(ActorProvider.class, SoftDeleteSettings.ACTOR_PROVIDER,
                settings.get(SoftDeleteSettings.ACTOR_PROVIDER), registry);
        RetentionPolicy retention = retentionOf(settings.get(SoftDeleteSettings.RETENTION_DEFAULT));
        Object translator = settings.get(QuerySettings.SEMANTIC_QUERY_TRANSLATOR);
        Object foreignTranslator = SoftDeleteSqmTranslatorFactory.class.getName().equals(String.valueOf(translator))
                || translator == null ? null : translator;
        HardEntityCascade toHardEntity = HardEntityCascade.parse(settings.get(SoftDeleteSettings.CASCADE_TO_HARD_ENTITY));
        boolean liveRowUniqueKeys = LiveUniqueKeys.liveRowsSetting(settings.get(SoftDeleteSettings.UNIQUE));
        HistorySettings history = new HistorySettings(historyTable(settings.get(SoftDeleteSettings.HISTORY)),
                strategyOf(HistoryListener.class, SoftDeleteSettings.HISTORY_LISTENER,
                        settings.get(SoftDeleteSettings.HISTORY_LISTENER), registry));
        return new SoftDeleteService(enabled, clock, actorProvider, retention, toHardEntity, foreignTranslator,
                liveRowUniqueKeys, history);
    }

    public static boolean isEnabled(Map<String, Object> settings) {
        return Settings.booleanOf(SoftDeleteSettings.ENABLED, settings, true);
    }

    private static Clock clockOf(Object value) {
        if (value == null) {
            return Clock.systemUTC();
        }
        if (value instanceof Clock clock) {
            return clock;
        }
        throw new IllegalArgumentException("softdelete: setting " + SoftDeleteSettings.CLOCK
                + " must be a java.time.Clock instance, got " + value.getClass().getName());
    }

    private static boolean historyTable(Object value) {
        String setting = value == null ? "none" : value.toString().trim().toLowerCase(java.util.Locale.ROOT);
        return switch (setting) {
            case "none", "" -> false;
            case "table" -> true;
            default -> throw new IllegalArgumentException("softdelete: setting " + SoftDeleteSettings.HISTORY
                    + " must be 'none' or 'table', got '" + value + "'");
        };
    }

    /** An instance, class or class name (with a public no-argument constructor) of a callback type, or null. */
    private static <T> T strategyOf(Class<T> type, String setting, Object value, ServiceRegistryImplementor registry) {
        if (value == null || type.isInstance(value)) {
            return type.cast(value);
        }
        try {
            return registry.requireService(StrategySelector.class).resolveStrategy(type, value);
        }
        catch (RuntimeException e) {
            throw new IllegalArgumentException("softdelete: setting " + setting + " must be " + article(type)
                    + type.getSimpleName() + " instance, class or class name with a public no-argument constructor;"
                    + " could not use '" + value + "'", e);
        }
    }

    private static String article(Class<?> type) {
        return "AEIOU".indexOf(type.getSimpleName().charAt(0)) >= 0 ? "an " : "a ";
    }

    private static RetentionPolicy retentionOf(Object value) {
        if (value == null || value.toString().isBlank()) {
            return RetentionPolicy.forever();
        }
        try {
            return RetentionPolicy.parse(value.toString());
        }
        catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("softdelete: setting " + SoftDeleteSettings.RETENTION_DEFAULT
                    + " is invalid: " + e.getMessage(), e);
        }
    }
}

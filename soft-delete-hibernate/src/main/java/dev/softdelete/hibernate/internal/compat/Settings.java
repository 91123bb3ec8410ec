package dev.softdelete.hibernate.internal.compat;

import org.hibernate.internal.util.config.ConfigurationHelper;

import java.util.Map;

/**
 * Settings read as Hibernate reads its own. Why internal: {@code ConfigurationHelper} accepts the
 * same spellings (Boolean objects, {@code "true"}/{@code "false"} in any case, surrounding blanks) for
 * our settings as for Hibernate's, so a properties file mixing both behaves one way.
 */
public final class Settings {

    private Settings() {
    }

    public static boolean booleanOf(String name, Map<String, Object> settings, boolean defaultValue) {
        return ConfigurationHelper.getBoolean(name, settings, defaultValue);
    }
}

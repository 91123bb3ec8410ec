package dev.softdelete.hibernate.internal.compat;

import dev.softdelete.hibernate.SoftDeleteSettings;
import org.hibernate.HibernateException;
import org.jboss.logging.Logger;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks, before the library touches any Hibernate SPI, that the Hibernate ORM on the class path is
 * one it is built for. The library rests on the {@code StateManagement} SPI, new and incubating in
 * 7.4: on 7.2 or 7.3 it would fail later with a {@code NoSuchMethodError}, and a later minor may
 * change the SPI silently.
 */
public final class HibernateVersionGuard {

    /** The Hibernate ORM minor line this library is built and tested for. */
    public static final String SUPPORTED = "7.4";

    private static final Logger LOG = Logger.getLogger(HibernateVersionGuard.class);
    private static final Pattern MAJOR_MINOR = Pattern.compile("^(\\d+)\\.(\\d+)[.\\-].*|^(\\d+)\\.(\\d+)$");

    private HibernateVersionGuard() {
    }

    /** Checks the Hibernate on the class path; the setting's {@code warn} lets an unsupported one run. */
    public static void check(Object mode) {
        check(org.hibernate.Version.getVersionString(), mode);
    }

    /**
     * Checks a Hibernate version string.
     *
     * @param version the version, e.g. {@code 7.4.13.Final}
     * @param mode    the value of {@link SoftDeleteSettings#HIBERNATE_VERSION_CHECK}: {@code fail}
     *                (default, also for null) or {@code warn}
     * @return true if the version is supported
     * @throws HibernateException if it is not and the mode is {@code fail}
     * @throws IllegalArgumentException if the mode is neither
     */
    public static boolean check(String version, Object mode) {
        boolean warnOnly = warnOnly(mode);
        if (isSupported(version)) {
            return true;
        }
        String message = "softdelete supports Hibernate ORM " + SUPPORTED + ".x, but found Hibernate ORM " + version
                + " on the class path; use a " + SUPPORTED + ".x version of org.hibernate.orm:hibernate-core";
        if (!warnOnly) {
            throw new HibernateException(message + " (or set " + SoftDeleteSettings.HIBERNATE_VERSION_CHECK
                    + "=warn to try this version anyway, unsupported)");
        }
        LOG.warn(message + "; going on because " + SoftDeleteSettings.HIBERNATE_VERSION_CHECK + "=warn");
        return false;
    }

    static boolean isSupported(String version) {
        Matcher matcher = MAJOR_MINOR.matcher(version == null ? "" : version.trim());
        if (!matcher.matches()) {
            return false;
        }
        String major = matcher.group(1) != null ? matcher.group(1) : matcher.group(3);
        String minor = matcher.group(2) != null ? matcher.group(2) : matcher.group(4);
        return SUPPORTED.equals(major + "." + minor);
    }

    private static boolean warnOnly(Object mode) {
        String value = mode == null ? "fail" : mode.toString().trim().toLowerCase(Locale.ROOT);
        return switch (value) {
            case "fail" -> false;
            case "warn" -> true;
            default -> throw new IllegalArgumentException(SoftDeleteSettings.HIBERNATE_VERSION_CHECK
                    + " must be 'fail' or 'warn', got '" + mode + "'");
        };
    }
}

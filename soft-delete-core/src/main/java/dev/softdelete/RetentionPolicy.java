package dev.softdelete;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Objects;
import java.util.Optional;

/**
 * How long a soft-deleted row is kept before the retention purge may hard-delete it: a fixed
 * {@link Duration}, or {@linkplain #forever() forever}.
 *
 * <pre>{@code
 * RetentionPolicy p = RetentionPolicy.parse("P90D");
 * Optional<Instant> purgeBefore = p.cutoff(clock.instant());
 * }</pre>
 *
 * @since 0.1.0
 */
public final class RetentionPolicy {

    /** The text that {@link #parse(String)} reads as "never purge". */
    public static final String FOREVER = "forever";

    private static final RetentionPolicy FOREVER_POLICY = new RetentionPolicy(null);

    /** An ISO-8601 period whose date part names years, months or weeks. */
    private static final java.util.regex.Pattern CALENDAR_UNITS = java.util.regex.Pattern.compile(
            "(?i)[-+]?P(?=[^T]*[YMW])[0-9YMWD.,]*(T.*)?");

    private final Duration duration;

    private RetentionPolicy(Duration duration) {
        this.duration = duration;
    }

    /**
     * The policy that never purges.
     *
     * @return the "forever" policy
     */
    public static RetentionPolicy forever() {
        return FOREVER_POLICY;
    }

    /**
     * A policy that keeps deleted rows for the given duration.
     *
     * @param duration how long to keep a deleted row; positive
     * @return the policy
     * @throws IllegalArgumentException if the duration is zero or negative
     */
    public static RetentionPolicy of(Duration duration) {
        Objects.requireNonNull(duration, "duration");
        if (duration.isZero() || duration.isNegative()) {
            throw new IllegalArgumentException(
                    "retention must be a positive duration, got " + duration);
        }
        return new RetentionPolicy(duration);
    }

    /**
     * Reads a retention as written in {@link SoftDelete#retain()}: an ISO-8601 duration in days
     * or smaller units ({@code P90D}, {@code PT12H}, {@code P1DT6H}) or {@code forever}.
     * Months and years are refused because their length varies.
     *
     * @param text the retention text
     * @return the policy
     * @throws IllegalArgumentException if the text is empty, names months or years, is not an
     *                                  ISO-8601 duration, or is not positive
     */
    public static RetentionPolicy parse(String text) {
        Objects.requireNonNull(text, "text");
        String trimmed = text.trim();
        if (trimmed.equalsIgnoreCase(FOREVER)) {
            return FOREVER_POLICY;
        }
        if (trimmed.isEmpty()) {
            throw new IllegalArgumentException(
                    "retention is empty; write an ISO-8601 duration such as P90D, or 'forever'");
        }
        if (CALENDAR_UNITS.matcher(trimmed).matches()) {
            throw new IllegalArgumentException("retention '" + text
                    + "' uses years, months or weeks, whose length varies; write it in days, e.g. P90D");
        }
        Duration duration;
        try {
            duration = Duration.parse(trimmed);
        }
        catch (DateTimeParseException e) {
            throw new IllegalArgumentException("retention '" + text
                    + "' is not an ISO-8601 duration; write e.g. P90D, PT12H or 'forever'", e);
        }
        if (duration.isZero() || duration.isNegative()) {
            throw new IllegalArgumentException(
                    "retention '" + text + "' must be positive; write e.g. P90D, or 'forever'");
        }
        return new RetentionPolicy(duration);
    }

    /**
     * Whether this policy never purges.
     *
     * @return {@code true} for {@link #forever()}
     */
    public boolean isForever() {
        return duration == null;
    }

    /**
     * How long a deleted row is kept.
     *
     * @return the duration, or empty for {@link #forever()}
     */
    public Optional<Duration> duration() {
        return Optional.ofNullable(duration);
    }

    /**
     * The instant before which deleted rows may be purged, seen from {@code now}.
     *
     * @param now the current instant
     * @return {@code now} minus the duration, or empty for {@link #forever()}
     */
    public Optional<Instant> cutoff(Instant now) {
        Objects.requireNonNull(now, "now");
        return duration().map(now::minus);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof RetentionPolicy that && Objects.equals(duration, that.duration);
    }

    @Override
    public int hashCode() {
        return Objects.hashCode(duration);
    }

    @Override
    public String toString() {
        return duration == null ? FOREVER : duration.toString();
    }
}

package dev.softdelete;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class RetentionPolicyTest {

    @Test
    void parsesDaysAndHours() {
        assertThat(RetentionPolicy.parse("P90D").duration()).contains(Duration.ofDays(90));
        assertThat(RetentionPolicy.parse("PT12H").duration()).contains(Duration.ofHours(12));
        assertThat(RetentionPolicy.parse("P1DT30M").duration()).contains(Duration.ofDays(1).plusMinutes(30));
    }

    @Test
    void parsesForeverInAnyCase() {
        assertThat(RetentionPolicy.parse("forever").isForever()).isTrue();
        assertThat(RetentionPolicy.parse(" FOREVER ")).isEqualTo(RetentionPolicy.forever());
    }

    @Test
    void refusesMonthsAndYearsNamingTheFix() {
        assertThatIllegalArgumentException().isThrownBy(() -> RetentionPolicy.parse("P3M"))
                .withMessageContaining("'P3M'").withMessageContaining("write it in days");
        assertThatIllegalArgumentException().isThrownBy(() -> RetentionPolicy.parse("P1Y"))
                .withMessageContaining("length varies");
    }

    @Test
    void refusesTextThatIsNotADuration() {
        assertThatIllegalArgumentException().isThrownBy(() -> RetentionPolicy.parse("90 days"))
                .withMessageContaining("not an ISO-8601 duration");
        assertThatIllegalArgumentException().isThrownBy(() -> RetentionPolicy.parse(""))
                .withMessageContaining("empty");
    }

    @Test
    void refusesZeroAndNegativeDurations() {
        assertThatIllegalArgumentException().isThrownBy(() -> RetentionPolicy.parse("PT0S"))
                .withMessageContaining("positive");
        assertThatIllegalArgumentException().isThrownBy(() -> RetentionPolicy.parse("-P1D"))
                .withMessageContaining("positive");
    }

    @Test
    void cutoffIsNowMinusTheDurationAndEmptyForForever() {
        Instant now = Instant.parse("2026-01-31T00:00:00Z");
        assertThat(RetentionPolicy.parse("P30D").cutoff(now)).contains(Instant.parse("2026-01-01T00:00:00Z"));
        assertThat(RetentionPolicy.forever().cutoff(now)).isEmpty();
    }
}

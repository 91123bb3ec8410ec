package dev.softdelete.hibernate.internal.compat;

import org.hibernate.HibernateException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class HibernateVersionGuardTest {

    @ParameterizedTest
    @ValueSource(strings = {"7.4.13.Final", "7.4.15.Final", "7.4.16.Final", "7.4.0.CR1", "7.4"})
    void everyPatchOfTheSupportedMinorPasses(String version) {
        assertThat(HibernateVersionGuard.check(version, null)).isTrue();
    }

    @Test
    void anEarlierMinorFailsNamingTheVersionFoundTheSupportedRangeAndTheWayOut() {
        assertThatThrownBy(() -> HibernateVersionGuard.check("7.2.19.Final", "fail"))
                .isInstanceOf(HibernateException.class)
                .hasMessage("softdelete supports Hibernate ORM 7.4.x, but found Hibernate ORM 7.2.19.Final on the"
                        + " class path; use a 7.4.x version of org.hibernate.orm:hibernate-core (or set"
                        + " softdelete.hibernate_version_check=warn to try this version anyway, unsupported)");
    }

    @ParameterizedTest
    @ValueSource(strings = {"7.5.0.Final", "8.0.0.Alpha1", "6.6.5.Final", "7.40.1.Final", "unknown"})
    void otherVersionsFail(String version) {
        assertThatThrownBy(() -> HibernateVersionGuard.check(version, null))
                .isInstanceOf(HibernateException.class)
                .hasMessageContaining("found Hibernate ORM " + version);
    }

    @Test
    void warnLetsAnUnsupportedVersionGoOn() {
        assertThat(HibernateVersionGuard.check("7.5.0.Final", "warn")).isFalse();
    }

    @Test
    void anUnknownModeIsRefused() {
        assertThatIllegalArgumentException().isThrownBy(() -> HibernateVersionGuard.check("7.4.13.Final", "ignore"))
                .withMessage("softdelete.hibernate_version_check must be 'fail' or 'warn', got 'ignore'");
    }

    @Test
    void theHibernateOnTheClassPathPasses() {
        assertThat(HibernateVersionGuard.isSupported(org.hibernate.Version.getVersionString())).isTrue();
    }
}

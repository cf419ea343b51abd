package org.vigie.core.organisations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Locale;
import org.junit.jupiter.api.Test;

class CountryCodeTest {

    @Test
    void acceptsAssignedCodesInAnyCase() {
        assertThat(CountryCode.of(" fr ").value()).isEqualTo("FR");
        assertThat(CountryCode.of("FR").displayName(Locale.FRENCH)).isEqualTo("France");
    }

    @Test
    void acceptsUserAssignedCodesForFictionalScenarios() {
        assertThat(CountryCode.of("XV").isUserAssigned()).isTrue();
    }

    @Test
    void rejectsCodesThatNameNoCountry() {
        assertThat(CountryCode.isValid("QB")).isFalse();
        assertThat(CountryCode.isValid("FRA")).isFalse();
        assertThatThrownBy(() -> CountryCode.of("UK")).hasMessageContaining("UK");
    }
}

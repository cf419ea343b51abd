package org.vigie.core.observables;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vigie.core.observables.Pasted.error;
import static org.vigie.core.observables.Pasted.normalised;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PhoneNumberTest {

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"+33612345678", "+33 6 12 34 56 78", "+33 (0)6 12 34 56 78", "+33.6.12.34.56.78",
            "+33-6-12-34-56-78", "tel:+33612345678"})
    void internationalNumbersBecomeE164(String entered) {
        assertThat(Pasted.observable(entered).type()).isEqualTo(ObservableType.PHONE);
        assertThat(normalised(entered)).isEqualTo("+33612345678");
    }

    @Test
    void nationalNumbersAreRefusedWithTheWayToWriteThem() {
        assertThat(error("06 12 34 56 78")).startsWith("phone numbers need the international prefix, e.g. +33…");
        assertThat(error("0033 6 12 34 56 78")).contains("write + instead of the leading 00");
    }

    @Test
    void e164AllowsEightToFifteenDigits() {
        assertThat(error("+331234")).contains("8 to 15 digits");
        assertThat(error("+3312345678901234")).contains("8 to 15 digits");
        assertThat(error("+0612345678")).contains("no country code starts with 0");
        assertThat(Pasted.PARSER.parse(ObservableType.PHONE, "+33 6 12 34 56 78 ext. 12").error()).contains("only digits");
    }
}

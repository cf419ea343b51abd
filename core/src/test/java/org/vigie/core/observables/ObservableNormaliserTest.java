package org.vigie.core.observables;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ObservableNormaliserTest {

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', value = {
            "URL            | HTTPS://User@Bücher.Example.:443/a/../%7eb?utm_source=x&q=%e2%82%ac#f",
            "URL            | hxxp://203[.]0[.]113[.]7:8080/x?a=1&b=2",
            "DOMAIN         | News.Bücher.DE.",
            "IPV4           | 203.0.113.7",
            "IPV6           | 2001:DB8:0:0:1:0:0:1",
            "EMAIL          | mailto:Jean.Dupont@Bücher.DE",
            "FILE_HASH      | SHA1:DA39A3EE5E6B4B0D3255BFEF95601890AFD80709",
            "PHONE          | +33 (0)6 12 34 56 78",
            "SOCIAL_ACCOUNT | https://www.youtube.com/channel/UCabcdefghijklmnopqrstuV",
            "SOCIAL_ACCOUNT | https://www.facebook.com/profile.php?id=100012345",
            "SOCIAL_ACCOUNT | @Someone@Mastodon.Social",
            "SOCIAL_ACCOUNT | bsky:Someone",
            "SOCIAL_ACCOUNT | reddit:u/Someone"})
    void aNormalisedValueReadsBackAsItself(ObservableType type, String entered) {
        // Stored reports are re-keyed from their values when the rules change: the normalised form must be stable.
        String once = ObservableNormaliser.normalise(type, entered).normalised();
        assertThat(ObservableNormaliser.normalise(type, once).normalised()).isEqualTo(once);
    }

    @Test
    void theValueAsEnteredIsKeptBesideTheNormalisedOne() {
        Observable url = ObservableNormaliser.normalise(ObservableType.URL, "  hxxps://Evil[.]com/x  ");
        assertThat(url.raw()).isEqualTo("hxxps://Evil[.]com/x");
        assertThat(url.normalised()).isEqualTo("https://evil.com/x");
    }

    @Test
    void refusalsCarryAReasonForTheReporter() {
        assertThatThrownBy(() -> ObservableNormaliser.normalise(ObservableType.PHONE, "06 12 34 56 78"))
                .isInstanceOf(InvalidObservableException.class)
                .hasMessageStartingWith("phone numbers need the international prefix");
        assertThatThrownBy(() -> ObservableNormaliser.normalise(ObservableType.DOMAIN, "\u200B "))
                .isInstanceOf(InvalidObservableException.class)
                .hasMessage("empty: nothing to record");
    }
}

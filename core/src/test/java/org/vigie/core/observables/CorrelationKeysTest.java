package org.vigie.core.observables;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class CorrelationKeysTest {

    private final CorrelationKeys unfiltered = new CorrelationKeys(WarningList.parse(""));

    private static Observable observable(ObservableType type, String value) {
        return ObservableNormaliser.normalise(type, value);
    }

    @Test
    void eachObservableGivesItsNormalisedValueUnderItsTypesKey() {
        assertThat(unfiltered.keysOf(observable(ObservableType.IPV4, "203.0.113.7")))
                .containsExactly(new CorrelationKey("ipv4", "203.0.113.7"));
        assertThat(unfiltered.keysOf(observable(ObservableType.PHONE, "+33 6 12 34 56 78")))
                .containsExactly(new CorrelationKey("phone", "+33612345678"));
        assertThat(unfiltered.keysOf(observable(ObservableType.SOCIAL_ACCOUNT, "x:@Someone")))
                .containsExactly(new CorrelationKey("social-account", "x:someone"));
        assertThat(unfiltered.keysOf(observable(ObservableType.FILE_HASH, "D41D8CD98F00B204E9800998ECF8427E")))
                .containsExactly(new CorrelationKey("file-hash", "d41d8cd98f00b204e9800998ecf8427e"));
    }

    @Test
    void urlsAndAddressesAlsoGiveTheirRegistrableDomain() {
        assertThat(unfiltered.keysOf(observable(ObservableType.URL, "https://login.evil.co.uk/x"))).containsExactly(
                new CorrelationKey("url", "https://login.evil.co.uk/x"), new CorrelationKey("domain", "evil.co.uk"));
        assertThat(unfiltered.keysOf(observable(ObservableType.EMAIL, "a@mail.evil.co.uk"))).containsExactly(
                new CorrelationKey("email", "a@mail.evil.co.uk"), new CorrelationKey("domain", "evil.co.uk"));
    }

    @Test
    void aUrlLinksToAReportNamingItsDomain() {
        assertThat(unfiltered.keysOf(observable(ObservableType.URL, "https://login.evil.com/x")))
                .containsAnyElementsOf(unfiltered.keysOf(observable(ObservableType.DOMAIN, "evil.com")));
    }

    @Test
    void theWarningListRemovesKeysButNotCandidates() {
        CorrelationKeys filtered = CorrelationKeys.standard();
        Observable shortLink = observable(ObservableType.URL, "https://bit.ly/abc");
        assertThat(filtered.candidatesOf(shortLink)).hasSize(2);
        assertThat(filtered.keysOf(shortLink)).containsExactly(new CorrelationKey("url", "https://bit.ly/abc"));
    }

    @Test
    void keyKindsAreLowerCaseAndHyphenated() {
        assertThat(new CorrelationKey("social-account", "x:a").toString()).isEqualTo("social-account:x:a");
        assertThatThrownBy(() -> new CorrelationKey("Social Account", "x:a")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new CorrelationKey("url", " ")).isInstanceOf(IllegalArgumentException.class);
    }
}

package org.vigie.core.observables;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vigie.core.observables.Pasted.error;
import static org.vigie.core.observables.Pasted.keys;
import static org.vigie.core.observables.Pasted.normalised;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DomainTest {

    private static List<CorrelationKey> domainKey(String value) {
        return List.of(new CorrelationKey("domain", value));
    }

    @Test
    void subdomainsOfOneRegisteredDomainShareItsKey() {
        assertThat(keys("www.evil.co.uk")).isEqualTo(domainKey("evil.co.uk"));
        assertThat(keys("login.evil.co.uk")).isEqualTo(domainKey("evil.co.uk"));
        assertThat(keys("news.evil.co.uk")).isEqualTo(keys("evil.co.uk"));
    }

    @Test
    void theSameNameUnderAnotherSuffixIsAnotherDomain() {
        assertThat(keys("evil.co.uk")).isNotEqualTo(keys("evil.com"));
    }

    @Test
    void sitesUnderAPrivatePublicSuffixBelongToDifferentOwners() {
        assertThat(keys("alice.github.io")).isEqualTo(domainKey("alice.github.io"));
        assertThat(keys("bob.github.io")).isNotEqualTo(keys("alice.github.io"));
    }

    @Test
    void theObservableKeepsTheFullHostWhileTheKeyIsTheRegistrableDomain() {
        assertThat(normalised("News.Evil.CO.UK.")).isEqualTo("news.evil.co.uk");
    }

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource({
            "bücher.de, xn--bcher-kva.de",
            "xn--bcher-kva.de, xn--bcher-kva.de",
            "EVIL.COM, evil.com",
            "evil[.]com, evil.com",
            "evil.com., evil.com"})
    void domainsAreLowerCasePunycodeWithoutTrailingDot(String entered, String expected) {
        assertThat(normalised(entered)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', value = {
            "co.uk            | co.uk is a public suffix",
            "evil.notatld     | has no known public suffix",
            "ev!l.com         | not a valid domain name: ev!l.com",
            "-evil.com        | not a valid domain name"})
    void namesNobodyCanRegisterAreRefused(String entered, String reason) {
        assertThat(error(entered)).contains(reason);
    }
}

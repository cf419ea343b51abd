package org.vigie.core.observables;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.vigie.core.observables.Pasted.keys;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class WarningListTest {

    private final WarningList standard = WarningList.standard();

    @Test
    void aShortLinkCorrelatesButTheShortenerDoesNot() {
        assertThat(keys("https://bit.ly/abc")).containsExactly(new CorrelationKey("url", "https://bit.ly/abc"));
        assertThat(Pasted.line("https://bit.ly/abc").warning()).contains("bit.ly").contains("URL shortener");
    }

    @Test
    void aPlatformsDomainGivesNoKeyButStaysAnObservable() {
        assertThat(keys("facebook.com")).isEmpty();
        assertThat(keys("www.facebook.com")).isEmpty();
        assertThat(Pasted.line("facebook.com").observable()).isPresent();
        assertThat(Pasted.line("facebook.com").warning()).startsWith("on the warning list, too common to correlate: facebook.com");
    }

    @Test
    void aPostOnAPlatformCorrelatesButItsHomePageDoesNot() {
        assertThat(keys("https://www.facebook.com/SomePage/posts/1"))
                .containsExactly(new CorrelationKey("url", "https://www.facebook.com/SomePage/posts/1"));
        assertThat(keys("https://facebook.com/")).isEmpty();
        assertThat(keys("https://m.facebook.com")).isEmpty();
        assertThat(standard.reason(new CorrelationKey("url", "https://facebook.com/"))).hasValueSatisfying(
                reason -> assertThat(reason).startsWith("the home page of facebook.com"));
    }

    @Test
    void theHomePageOfAnOrdinaryDomainCorrelates() {
        assertThat(keys("https://evil.com/")).containsExactly(
                new CorrelationKey("url", "https://evil.com/"), new CorrelationKey("domain", "evil.com"));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"10.1.2.3", "127.0.0.1", "172.16.0.1", "172.31.255.255", "192.168.1.1", "0.0.0.0", "169.254.1.1",
            "100.64.0.1", "255.255.255.255", "8.8.8.8", "::1", "fe80::1", "fd00::1"})
    void privateReservedAndResolverAddressesGiveNoKey(String address) {
        assertThat(keys(address)).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"172.32.0.1", "11.0.0.1", "198.51.100.7", "203.0.113.7", "2001:db8::1"})
    void publicAndDocumentationAddressesCorrelate(String address) {
        assertThat(keys(address)).hasSize(1);
    }

    @Test
    void theHashOfAnEmptyFileGivesNoKey() {
        assertThat(keys("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")).isEmpty();
        assertThat(keys("D41D8CD98F00B204E9800998ECF8427E")).isEmpty();
    }

    @Test
    void theListIsReadFromItsTextFormat() {
        WarningList list = WarningList.parse("""
                # a comment
                [domain] a test platform
                Example.COM   # case does not matter
                [ip-range] a test range
                203.0.113.0/24
                [exact phone] a test number
                +33 6 12 34 56 78
                """);
        assertThat(list.reason(new CorrelationKey("domain", "example.com"))).contains("a test platform");
        assertThat(list.isWarned(new CorrelationKey("domain", "sub.example.com"))).isTrue();
        assertThat(list.isWarned(new CorrelationKey("domain", "notexample.com"))).isFalse();
        assertThat(list.isWarned(new CorrelationKey("ipv4", "203.0.113.200"))).isTrue();
        assertThat(list.isWarned(new CorrelationKey("ipv4", "203.0.114.1"))).isFalse();
        assertThat(list.reason(new CorrelationKey("phone", "+33612345678"))).contains("a test number");
        assertThat(list.isWarned(new CorrelationKey("email", "someone@example.com"))).as("only domain keys by domain").isFalse();
    }

    @Test
    void aBrokenListFailsNamingTheLine() {
        assertThatThrownBy(() -> WarningList.parse("[domain] ok\nexample.com\n[ip-range] ranges\n10.0.0.0/33"))
                .hasMessageStartingWith("warning list, line 4");
        assertThatThrownBy(() -> WarningList.parse("example.com")).hasMessageContaining("before any [section]");
        assertThatThrownBy(() -> WarningList.parse("[domains] typo")).hasMessageContaining("line 1");
    }

    @Test
    void aPublicSuffixCannotBeListedBecauseItWouldSilenceEverySiteUnderIt() {
        assertThatThrownBy(() -> WarningList.parse("[domain] hosting\ngithub.io"))
                .hasMessageContaining("github.io is a public suffix");
    }
}

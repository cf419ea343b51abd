package org.vigie.core.observables;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vigie.core.observables.Pasted.error;
import static org.vigie.core.observables.Pasted.keys;
import static org.vigie.core.observables.Pasted.normalised;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class UrlNormalisationTest {

    @ParameterizedTest(name = "{0} matches {1}")
    @CsvSource(delimiter = '|', value = {
            "HTTPS://News.Example.COM:443/a?utm_source=x&id=3#top | https://news.example.com/a?id=3",
            "http://example.com:80                               | http://example.com/",
            "https://bücher.example/x                            | https://xn--bcher-kva.example/x",
            "https://BÜCHER.example/x                            | https://xn--bcher-kva.example/x",
            "https://example.com/a?fbclid=IwAR0abc&id=3          | https://example.com/a?id=3",
            "https://example.com/a?id=3&gclid=Cj0KCQ             | https://example.com/a?id=3",
            "https://example.com/%7euser                         | https://example.com/~user",
            "https://example.com/a%2fb                           | https://example.com/a%2Fb",
            "https://example.com/café                            | https://example.com/caf%c3%a9",
            "hxxps://evil[.]com/x                                | https://evil.com/x",
            "hxxp[:]//evil(.)com/x                               | http://evil.com/x",
            "https://evil.com./x                                 | https://evil.com/x",
            "https://bank.example@evil.com/x                     | https://evil.com/x",
            "https://evil.com/a/./b/../c                         | https://evil.com/a/c",
            "https://evil.com\\login                             | https://evil.com/login",
            "https://evil.com?x=1                                | https://evil.com/?x=1",
            "https://evil.com/x?                                 | https://evil.com/x",
            "https://evil.com/x?&&id=1&                          | https://evil.com/x?id=1",
            "evil.com/login                                      | https://evil.com/login",
            "https://www.youtube.com/watch?v=abc&si=AbCd         | https://www.youtube.com/watch?v=abc",
            "https://x.com/someone/status/1?s=20&t=AbCd          | https://x.com/someone/status/1",
    })
    void variantsOfOneLinkGiveOneUrlKey(String variant, String canonical) {
        assertThat(normalised(variant)).isEqualTo(normalised(canonical));
        assertThat(keys(variant)).isEqualTo(keys(canonical));
    }

    @ParameterizedTest(name = "{0} does not match {1}")
    @CsvSource(delimiter = '|', value = {
            "https://example.com/a               | https://example.com/b",
            "https://example.com/A               | https://example.com/a",
            "https://example.com/a?id=3          | https://example.com/a?id=4",
            "http://example.com/a                | https://example.com/a",
            "https://example.com:8080/a          | https://example.com/a",
            "https://example.com/a?x=1&y=2       | https://example.com/a?y=2&x=1",
            "https://example.com/a%2Fb           | https://example.com/a/b",
            "https://example.com/a?si=1          | https://example.com/a",
            "https://www.youtube.com/watch?v=a&t=10 | https://www.youtube.com/watch?v=a",
    })
    void differencesAServerCouldActOnKeepUrlsApart(String one, String other) {
        assertThat(normalised(one)).isNotEqualTo(normalised(other));
    }

    @Test
    void httpAndHttpsAreDifferentUrlsOnTheSameDomain() {
        assertThat(keys("http://login.evil.com/a")).containsExactly(
                new CorrelationKey("url", "http://login.evil.com/a"), new CorrelationKey("domain", "evil.com"));
        assertThat(keys("https://login.evil.com/a")).containsExactly(
                new CorrelationKey("url", "https://login.evil.com/a"), new CorrelationKey("domain", "evil.com"));
    }

    @ParameterizedTest(name = "{0} is a tracking parameter")
    @ValueSource(strings = {"utm_source", "utm_medium", "utm_campaign", "UTM_Content", "fbclid", "gclid", "dclid", "msclkid",
            "mc_cid", "mc_eid", "igshid", "yclid", "_ga", "ref_src", "ref_url", "twclid", "ttclid"})
    void trackingParametersAreRemovedWhereverTheyAre(String name) {
        assertThat(normalised("https://example.com/p?" + name + "=1&page=2&" + name + "=3"))
                .isEqualTo("https://example.com/p?page=2");
    }

    @Test
    void theNormalisedFormIsItsOwnNormalisedForm() {
        String once = normalised("HTTPS://User@Bücher.Example.:443/a/../%7eb/c d?utm_source=x&q=%e2%82%ac#f".replace(" ", "%20"));
        assertThat(once).isEqualTo("https://xn--bcher-kva.example/~b/c%20d?q=%E2%82%AC");
        assertThat(normalised(once)).isEqualTo(once);
    }

    @Test
    void aUrlWithoutSchemeIsTakenAsHttpsAndSaysSo() {
        assertThat(Pasted.line("evil.com/login").warning()).contains("https:// assumed");
        assertThat(normalised("evil.com:8080")).isEqualTo("https://evil.com:8080/");
    }

    @Test
    void aUrlOnAnIpAddressAlsoGivesTheAddressKey() {
        assertThat(keys("http://203.0.113.5/login")).containsExactly(
                new CorrelationKey("url", "http://203.0.113.5/login"), new CorrelationKey("ipv4", "203.0.113.5"));
        assertThat(keys("http://[2001:DB8::0:1]:8080/")).containsExactly(
                new CorrelationKey("url", "http://[2001:db8::1]:8080/"), new CorrelationKey("ipv6", "2001:db8::1"));
    }

    @Test
    void aHostOutsideThePublicSuffixListGivesOnlyItsUrlKey() {
        assertThat(keys("https://bücher.example/x")).containsExactly(new CorrelationKey("url", "https://xn--bcher-kva.example/x"));
    }

    @Test
    void onlyWebUrlsAreObservables() {
        assertThat(error("ftp://evil.com/file")).startsWith("only http and https URLs are observables here");
        assertThat(Pasted.PARSER.parse(ObservableType.URL, "javascript:alert(1)").error())
                .startsWith("only http and https URLs are observables here");
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', value = {
            "https:/evil.com              | write the scheme as https://",
            "https://evil.com:99999/      | the port must be a number from 1 to 65535",
            "https://evil.com:http/       | the port must be a number",
            "https://exa mple.com/        | a URL has no spaces",
            "https:///path                | it names no host",
            "https://ev!l.com/            | not a valid domain name: ev!l.com",
            "https://300.1.2.3/           | not a valid IPv4 address: 300.1.2.3",
    })
    void unparseableUrlsSayWhy(String url, String reason) {
        assertThat(Pasted.PARSER.parse(ObservableType.URL, url).error()).contains(reason);
    }
}

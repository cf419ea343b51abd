package org.vigie.core.misp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class StixPatternsTest {

    private static String pattern(String type, String value) {
        return StixPatterns.forAttribute(type, value).map(StixPatterns.Detection::pattern).orElse(null);
    }

    @Test
    void eachMispTypeComparesTheStixPropertyThatHoldsIt() {
        assertThat(pattern("domain", "evil.com")).isEqualTo("[domain-name:value = 'evil.com']");
        assertThat(pattern("hostname", "www.evil.com")).isEqualTo("[domain-name:value = 'www.evil.com']");
        assertThat(pattern("ip-src", "203.0.113.7")).isEqualTo("[ipv4-addr:value = '203.0.113.7']");
        assertThat(pattern("ip-dst", "2001:db8::1")).isEqualTo("[ipv6-addr:value = '2001:db8::1']");
        assertThat(pattern("ip-src|port", "203.0.113.7|443"))
                .isEqualTo("[network-traffic:src_ref.value = '203.0.113.7' AND network-traffic:src_port = 443]");
        assertThat(pattern("domain|ip", "evil.com|203.0.113.7"))
                .isEqualTo("[domain-name:value = 'evil.com' AND domain-name:resolves_to_refs[*].value = '203.0.113.7']");
        assertThat(pattern("sha256", "ab")).isEqualTo("[file:hashes.'SHA-256' = 'ab']");
        assertThat(pattern("md5", "ab")).isEqualTo("[file:hashes.MD5 = 'ab']");
        assertThat(pattern("filename|sha1", "a.doc|cd")).isEqualTo("[file:name = 'a.doc' AND file:hashes.'SHA-1' = 'cd']");
        assertThat(pattern("email-dst", "a@b.org")).isEqualTo("[email-addr:value = 'a@b.org']");
        assertThat(pattern("mutex", "Global\\x")).isEqualTo("[mutex:name = 'Global\\\\x']");
        assertThat(pattern("AS", "AS64500")).isEqualTo("[autonomous-system:number = 64500]");
        assertThat(pattern("regkey|value", "HKLM\\Run|evil.exe"))
                .isEqualTo("[windows-registry-key:key = 'HKLM\\\\Run' AND windows-registry-key:values[*].data = 'evil.exe']");
    }

    @Test
    void quotesAndBackslashesAreEscaped() {
        assertThat(pattern("url", "https://e.com/it's\\x")).isEqualTo("[url:value = 'https://e.com/it\\'s\\\\x']");
    }

    @Test
    void rulesInAnotherLanguageKeepTheirLanguageAndTypesWithoutAnObservableGiveNothing() {
        assertThat(StixPatterns.forAttribute("yara", "rule a {condition: true}"))
                .contains(new StixPatterns.Detection("yara", "rule a {condition: true}"));
        assertThat(StixPatterns.forAttribute("stix2-pattern", "[file:name = 'a']")).contains(new StixPatterns.Detection("stix", "[file:name = 'a']"));
        assertThat(StixPatterns.forAttribute("btc", "1BoatSLRHtKNngkdXEeobR76b53LETtpyT")).isEmpty();
        assertThat(StixPatterns.forAttribute("text", "anything")).isEmpty();
        assertThat(StixPatterns.forAttribute("ip-dst|port", "203.0.113.7|http")).as("not a port").isEmpty();
    }

    @Test
    void anObjectsAttributesGiveOneObservationPerStixTypeWithRepeatedValuesAsAlternatives() {
        assertThat(StixPatterns.forObject(List.of(new String[] {"ip-dst", "203.0.113.7"}, new String[] {"domain", "evil.com"},
                new String[] {"ip-dst", "203.0.113.8"})).orElseThrow().pattern())
                .isEqualTo("[domain-name:value = 'evil.com' AND (domain-name:resolves_to_refs[*].value = '203.0.113.7'"
                        + " OR domain-name:resolves_to_refs[*].value = '203.0.113.8')]");
        assertThat(StixPatterns.forObject(List.of(new String[] {"sha1", "cd"}, new String[] {"filename", "a.doc"},
                new String[] {"url", "https://e.com/a.doc"})).orElseThrow().pattern())
                .isEqualTo("[file:name = 'a.doc' AND file:hashes.'SHA-1' = 'cd'] AND [url:value = 'https://e.com/a.doc']");
        assertThat(StixPatterns.forObject(List.<String[]>of(new String[] {"text", "x"}))).isEmpty();
    }
}

package org.vigie.core.alerts.webhooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class WebhookTargetsTest {

    private static InetAddress ip(String literal) {
        try {
            return InetAddress.getByName(literal);
        } catch (UnknownHostException e) {
            throw new AssertionError(e);
        }
    }

    /** A resolver from a fixed table: no network in unit tests. */
    private static WebhookTargets.Resolver dns(Map<String, String[]> table) {
        return host -> {
            String[] literals = table.get(host);
            if (literals == null) {
                throw new UnknownHostException(host);
            }
            InetAddress[] out = new InetAddress[literals.length];
            for (int i = 0; i < literals.length; i++) {
                out[i] = InetAddress.getByAddress(host, ip(literals[i]).getAddress());
            }
            return out;
        };
    }

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "127.1.2.3", "0.0.0.0", "10.0.0.1", "172.16.0.1", "172.31.255.255", "192.168.1.1",
            "100.64.0.1", "100.127.255.254", "169.254.169.254", "169.254.1.1", "224.0.0.1", "239.255.255.250",
            "255.255.255.255", "::1", "::", "fc00::1", "fd12:3456::1", "fe80::1", "ff02::1", "::ffff:127.0.0.1",
            "::ffff:169.254.169.254", "::ffff:10.1.2.3", "64:ff9b::a00:1", "2002:c0a8:101::1", "2001:db8::1"})
    void refusesInternalAddresses(String literal) {
        assertThat(WebhookTargets.forbidden(ip(literal))).as(literal).isPresent();
    }

    @Test
    void refusesTheIpv4MappedFormEvenWhenAResolverHandsBackSixteenBytes() throws Exception {
        byte[] mapped = new byte[16];
        mapped[10] = (byte) 0xff;
        mapped[11] = (byte) 0xff;
        mapped[12] = 127;
        mapped[15] = 1;
        InetAddress v6 = java.net.Inet6Address.getByAddress("evil.example", mapped, -1);
        assertThat(WebhookTargets.forbidden(v6)).get().asString().contains("loopback");
    }

    @ParameterizedTest
    @ValueSource(strings = {"93.184.215.14", "8.8.8.8", "172.32.0.1", "100.128.0.1", "1.1.1.1", "2606:4700:4700::1111",
            "2a00:1450:4007:80e::200e", "64:ff9b::808:808"})
    void acceptsPublicAddresses(String literal) {
        assertThat(WebhookTargets.forbidden(ip(literal))).as(literal).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"ftp://example.org/hook", "file:///etc/passwd", "gopher://example.org/", "javascript:alert(1)",
            "/relative/hook", "example.org/hook"})
    void refusesSchemesOtherThanHttp(String url) {
        assertThatThrownBy(() -> WebhookTargets.parse(url))
                .isInstanceOfSatisfying(WebhookTargetRefused.class, e -> assertThat(e.field()).isEqualTo("url"))
                .hasMessageStartingWith("url: must use http or https");
    }

    @Test
    void refusesCredentialsEmptyAndMalformedUrls() {
        assertThatThrownBy(() -> WebhookTargets.parse("https://user:pw@example.org/hook")).hasMessageContaining("credentials");
        assertThatThrownBy(() -> WebhookTargets.parse("https://token@example.org/hook")).hasMessageContaining("credentials");
        assertThatThrownBy(() -> WebhookTargets.parse("")).hasMessage("url: is required");
        assertThatThrownBy(() -> WebhookTargets.parse("https://exa mple.org/")).hasMessageContaining("not a valid URL");
        assertThatThrownBy(() -> WebhookTargets.parse("https:///hook")).hasMessageContaining("no host");
    }

    @Test
    void refusesAHostWhenAnyOfItsAddressesIsInternal() {
        var resolver = dns(Map.of("mixed.example", new String[] {"93.184.215.14", "10.0.0.5"},
                "public.example", new String[] {"93.184.215.14", "2606:4700:4700::1111"},
                "metadata.example", new String[] {"169.254.169.254"}));
        assertThat(WebhookTargets.vet("https://public.example/hook", false, resolver)).hasSize(2);
        assertThatThrownBy(() -> WebhookTargets.vet("https://mixed.example/hook", false, resolver))
                .hasMessageContaining("url: host mixed.example resolves to 10.0.0.5, a private address")
                .hasMessageContaining("VIGIE_ALLOW_PRIVATE_WEBHOOKS=true");
        assertThatThrownBy(() -> WebhookTargets.vet("http://metadata.example/latest/meta-data", false, resolver))
                .hasMessageContaining("the cloud metadata address");
        assertThatThrownBy(() -> WebhookTargets.vet("https://nowhere.example/", false, resolver))
                .hasMessage("url: host nowhere.example does not resolve");
    }

    @Test
    void literalAddressesInTheUrlAreCheckedToo() {
        assertThatThrownBy(() -> WebhookTargets.vet("http://127.0.0.1:8080/", false, WebhookTargets.Resolver.SYSTEM))
                .hasMessageContaining("a loopback address");
        assertThatThrownBy(() -> WebhookTargets.vet("http://[::1]:8080/", false, WebhookTargets.Resolver.SYSTEM))
                .hasMessageContaining("a loopback address");
        assertThatThrownBy(() -> WebhookTargets.vet("http://[::ffff:7f00:1]/", false, WebhookTargets.Resolver.SYSTEM))
                .hasMessageContaining("a loopback address");
        assertThatThrownBy(() -> WebhookTargets.vet("http://2130706433/", false, WebhookTargets.Resolver.SYSTEM))
                .hasMessageContaining("loopback");
    }

    @Test
    void allowingPrivateTargetsLiftsTheAddressRulesButNotTheSchemeRule() {
        assertThat(WebhookTargets.vet("http://127.0.0.1:8080/", true, WebhookTargets.Resolver.SYSTEM)).hasSize(1);
        assertThatThrownBy(() -> WebhookTargets.vet("ftp://127.0.0.1/", true, WebhookTargets.Resolver.SYSTEM))
                .hasMessageContaining("http or https");
    }
}

package org.vigie.core.alerts.webhooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class WebhookSignatureTest {

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void signsLikeGitHubDoesOnItsPublishedExample() {
        // GitHub's documentation example, recomputed with: printf 'Hello, World!' | openssl dgst -sha256 -hmac "It's a Secret to Everybody"
        assertThat(WebhookSignature.sign("It's a Secret to Everybody", utf8("Hello, World!")))
                .isEqualTo("sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17");
    }

    @Test
    void signsAJsonBodyAsOpensslDoes() {
        // printf '{"id":"evt-1"}' | openssl dgst -sha256 -hmac 's3cr3t'
        assertThat(WebhookSignature.sign("s3cr3t", utf8("{\"id\":\"evt-1\"}")))
                .isEqualTo("sha256=955be16827e355060a1d50b10e3e6cb1761cd517c57f67380c7064e2cb86e9e5");
    }

    @Test
    void verifiesItsOwnSignatureAndAcceptsUpperCaseHex() {
        byte[] body = utf8("{\"id\":\"evt-1\"}");
        String header = WebhookSignature.sign("s3cr3t", body);
        assertThat(WebhookSignature.verify("s3cr3t", body, header)).isTrue();
        assertThat(WebhookSignature.verify("s3cr3t", body, "sha256=" + header.substring(7).toUpperCase())).isTrue();
    }

    @Test
    void refusesAnotherBodyAnotherSecretOrAMalformedHeader() {
        byte[] body = utf8("{\"id\":\"evt-1\"}");
        String header = WebhookSignature.sign("s3cr3t", body);
        assertThat(WebhookSignature.verify("s3cr3t", utf8("{\"id\": \"evt-1\"}"), header)).isFalse();
        assertThat(WebhookSignature.verify("other", body, header)).isFalse();
        assertThat(WebhookSignature.verify("s3cr3t", body, null)).isFalse();
        assertThat(WebhookSignature.verify("s3cr3t", body, "")).isFalse();
        assertThat(WebhookSignature.verify("s3cr3t", body, header.substring(7))).isFalse();
        assertThat(WebhookSignature.verify("s3cr3t", body, "sha1=" + header.substring(7))).isFalse();
        assertThat(WebhookSignature.verify("s3cr3t", body, header.substring(0, header.length() - 2))).isFalse();
        assertThat(WebhookSignature.verify("s3cr3t", body, header.substring(0, header.length() - 2) + "zz")).isFalse();
    }

    @Test
    void refusesAnEmptySecret() {
        assertThatThrownBy(() -> WebhookSignature.sign(new byte[0], utf8("x")))
                .hasMessageContaining("secret must not be empty");
    }
}

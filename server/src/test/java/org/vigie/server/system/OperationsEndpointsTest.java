package org.vigie.server.system;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.vigie.server.support.Fixtures;
import org.vigie.server.support.VigieTest;

@VigieTest
class OperationsEndpointsTest {

    @LocalServerPort
    int port;

    Fixtures fixtures;

    @BeforeEach
    void setUp() {
        fixtures = new Fixtures(port);
    }

    @Test
    void healthIsPublicAndUpWithTheDatabase() {
        var health = fixtures.anonymous().get("/actuator/health");

        assertThat(health.status()).isEqualTo(200);
        assertThat(health.json().get("status").asText()).isEqualTo("UP");
    }

    @Test
    void prometheusMetricsAreForPlatformAdministratorsOnly() {
        var analyst = fixtures.signedIn(fixtures.account(fixtures.organisation("RESEARCH"), "ANALYST"));

        assertThat(fixtures.anonymous().get("/actuator/prometheus").status()).isEqualTo(401);
        assertThat(analyst.getAccepting("/actuator/prometheus", "text/plain").status()).isEqualTo(403);
        var metrics = fixtures.admin().getAccepting("/actuator/prometheus", "text/plain");
        assertThat(metrics.status()).isEqualTo(200);
        assertThat(metrics.body()).contains("hikaricp_connections");
    }

    @Test
    void theOpenApiDocumentDescribesTheApi() {
        var document = fixtures.anonymous().get("/v3/api-docs");

        assertThat(document.status()).isEqualTo(200);
        assertThat(document.json().get("paths").has("/api/v1/organisations")).isTrue();
        assertThat(document.json().get("paths").has("/api/v1/auth/tokens")).isTrue();
    }
}

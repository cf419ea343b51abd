package org.vigie.server.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.vigie.server.support.Api;
import org.vigie.server.support.Fixtures;
import org.vigie.server.support.VigieTest;

@VigieTest
class ApiTokenLifecycleTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    Fixtures fixtures;
    String analyst;

    @BeforeEach
    void setUp() {
        fixtures = new Fixtures(port);
        analyst = fixtures.account(fixtures.organisation("CIVIL_SOCIETY"), "ANALYST");
    }

    private Api.Response createToken(String name) {
        return fixtures.anonymous().basic(analyst, Fixtures.PASSWORD).post("/api/v1/auth/tokens", Map.of("name", name));
    }

    @Test
    void aTokenIsCreatedWithBasicShownOnceAndThenAuthenticatesAsBearer() {
        Api.Response created = createToken("laptop");

        assertThat(created.status()).isEqualTo(201);
        String token = created.json().get("token").asText();
        assertThat(token).startsWith("vgt_");

        Api.Response me = fixtures.anonymous().bearer(token).get("/api/v1/me");
        assertThat(me.status()).isEqualTo(200);
        assertThat(me.json().get("username").asText()).isEqualTo(analyst);

        Api.Response listed = fixtures.anonymous().bearer(token).get("/api/v1/auth/tokens");
        assertThat(listed.body()).doesNotContain(token.substring(token.lastIndexOf('_') + 1));
        assertThat(listed.json().get(0).get("masked").asText()).endsWith("••••••••");
    }

    @Test
    void onlyAHashOfTheSecretIsStored() {
        String token = createToken("audit").json().get("token").asText();
        String secret = token.substring(token.lastIndexOf('_') + 1);

        String stored = jdbc.sql("SELECT secret_hash FROM api_tokens WHERE public_id = :p")
                .param("p", token.substring(4, token.lastIndexOf('_'))).query(String.class).single();

        assertThat(stored).hasSize(64).doesNotContain(secret);
    }

    @Test
    void aRevokedTokenIsRefused() {
        Api.Response created = createToken("to-revoke");
        Api client = fixtures.anonymous().bearer(created.json().get("token").asText());

        Api.Response revoked = client.delete("/api/v1/auth/tokens/" + created.json().get("id").asText());
        Api.Response after = client.get("/api/v1/me");

        assertThat(revoked.status()).isEqualTo(204);
        assertThat(after.status()).isEqualTo(401);
        assertThat(after.header("WWW-Authenticate")).contains("invalid_token");
        assertThat(after.json().get("detail").asText()).contains("revoked");
    }

    @Test
    void lastUseIsRecorded() {
        Api.Response created = createToken("usage");
        Api client = fixtures.anonymous().bearer(created.json().get("token").asText());

        client.get("/api/v1/me");

        Api.Response listed = client.get("/api/v1/auth/tokens");
        assertThat(listed.json().findValues("lastUsedAt")).anySatisfy(v -> assertThat(v.isNull()).isFalse());
    }

    @Test
    void aForgedSecretForARealPublicIdIsRefused() {
        String token = createToken("forge").json().get("token").asText();
        String forged = token.substring(0, token.lastIndexOf('_') + 1) + "A".repeat(43);

        assertThat(fixtures.anonymous().bearer(forged).get("/api/v1/me").status()).isEqualTo(401);
    }

    @Test
    void anotherAccountsTokenCannotBeRevoked() {
        Api.Response theirs = createToken("theirs");
        Api someoneElse = fixtures.signedIn(fixtures.account(fixtures.organisation("MEDIA"), "ANALYST"));

        Api.Response attempt = someoneElse.delete("/api/v1/auth/tokens/" + theirs.json().get("id").asText());

        assertThat(attempt.status()).isEqualTo(404);
        assertThat(fixtures.anonymous().bearer(theirs.json().get("token").asText()).get("/api/v1/me").status()).isEqualTo(200);
    }

    @Test
    void aTokenWorksAsTheBasicPasswordAsTaxiiClientsSendIt() {
        String token = createToken("taxii").json().get("token").asText();

        assertThat(fixtures.anonymous().basic(analyst, token).get("/api/v1/me").status()).isEqualTo(200);
    }

    @Test
    void thePasswordItselfIsNotAcceptedOutsideTokenCreation() {
        assertThat(fixtures.anonymous().basic(analyst, Fixtures.PASSWORD).get("/api/v1/me").status()).isEqualTo(401);
    }

    @Test
    void wrongCredentialsGetOneGenericAnswerAndAreAudited() {
        Api.Response wrongPassword = fixtures.anonymous().basic(analyst, "not-the-password-at-all")
                .post("/api/v1/auth/tokens", Map.of("name", "x"));
        Api.Response unknownUser = fixtures.anonymous().basic("nobody-" + UUID.randomUUID(), "whatever-password")
                .post("/api/v1/auth/tokens", Map.of("name", "x"));

        assertThat(wrongPassword.status()).isEqualTo(401);
        assertThat(unknownUser.status()).isEqualTo(401);
        assertThat(wrongPassword.json().get("detail")).isEqualTo(unknownUser.json().get("detail"));
        assertThat(jdbc.sql("SELECT count(*) FROM audit_log WHERE action = 'auth.login.failed' AND actor_name = :u")
                .param("u", analyst).query(Long.class).single()).isEqualTo(1);
    }
}

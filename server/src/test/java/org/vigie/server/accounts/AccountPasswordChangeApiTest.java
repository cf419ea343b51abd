package org.vigie.server.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vigie.server.accounts.AccountCreationApiTest.fieldsNamed;

import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.vigie.server.support.Api;
import org.vigie.server.support.Fixtures;
import org.vigie.server.support.VigieTest;

@VigieTest
class AccountPasswordChangeApiTest {

    private static final String NEW_PASSWORD = "A-brand-new-passphrase-2027";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    Fixtures fixtures;
    String username;
    Api client;

    @BeforeEach
    void setUp() {
        fixtures = new Fixtures(port);
        username = fixtures.account(fixtures.organisation("CIVIL_SOCIETY"), "VIEWER");
        client = fixtures.signedIn(username);
    }

    private int tokenRequestWith(String password) {
        return fixtures.anonymous().basic(username, password).post("/api/v1/auth/tokens", Map.of("name", "check")).status();
    }

    @Test
    void aWrongCurrentPasswordIsA400NamingCurrentPassword() {
        Api.Response refused = client.post("/api/v1/me/password",
                Map.of("currentPassword", "not-my-password-at-all", "newPassword", NEW_PASSWORD));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(fieldsNamed(refused)).containsExactly("currentPassword");
        assertThat(tokenRequestWith(Fixtures.PASSWORD)).isEqualTo(201);
    }

    @Test
    void aNewPasswordBreakingThePolicyIsA400NamingNewPassword() {
        Api.Response refused = client.post("/api/v1/me/password", Map.of("currentPassword", Fixtures.PASSWORD, "newPassword", username));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(fieldsNamed(refused)).containsExactly("newPassword");
    }

    @Test
    void afterAChangeTheOldPasswordIsRefusedAndTheNewOneAccepted() {
        Api.Response changed = client.post("/api/v1/me/password",
                Map.of("currentPassword", Fixtures.PASSWORD, "newPassword", NEW_PASSWORD));

        assertThat(changed.status()).isEqualTo(204);
        assertThat(tokenRequestWith(Fixtures.PASSWORD)).isEqualTo(401);
        assertThat(tokenRequestWith(NEW_PASSWORD)).isEqualTo(201);
    }

    @Test
    void aPasswordChangeIsAuditedWithoutThePasswords() {
        client.post("/api/v1/me/password", Map.of("currentPassword", Fixtures.PASSWORD, "newPassword", NEW_PASSWORD));

        String details = jdbc.sql("""
                SELECT details FROM audit_log
                WHERE action = 'account.password-changed' AND actor_name = :u""")
                .param("u", username).query(String.class).single();

        assertThat(details).doesNotContain(NEW_PASSWORD).doesNotContain(Fixtures.PASSWORD);
    }
}

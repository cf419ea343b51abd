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
import org.vigie.server.support.BrowserSession;
import org.vigie.server.support.Fixtures;
import org.vigie.server.support.VigieTest;

/** A disabled account can do nothing: not with its tokens, not with its password, not in a session it had open. */
@VigieTest
class AccountDisablingTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    Fixtures fixtures;
    UUID organisation;
    String username;
    String id;

    @BeforeEach
    void setUp() {
        fixtures = new Fixtures(port);
        organisation = fixtures.organisation("PLATFORM_INDUSTRY");
        username = fixtures.account(organisation, "ANALYST");
        id = jdbc.sql("SELECT id::text FROM accounts WHERE username = :u").param("u", username).query(String.class).single();
    }

    private void disable() {
        assertThat(fixtures.admin().patch("/api/v1/users/" + id, Map.of("enabled", false)).status()).isEqualTo(200);
    }

    @Test
    void aDisabledAccountsTokensStopWorking() {
        Api client = fixtures.signedIn(username);
        assertThat(client.get("/api/v1/me").status()).isEqualTo(200);

        disable();

        assertThat(client.get("/api/v1/me").status()).isEqualTo(401);
    }

    @Test
    void aDisabledAccountCannotSignInWithItsPassword() {
        disable();

        Api.Response attempt = fixtures.anonymous().basic(username, Fixtures.PASSWORD).post("/api/v1/auth/tokens", Map.of("name", "x"));

        assertThat(attempt.status()).isEqualTo(401);
        assertThat(BrowserSession.open(port).signIn(username, Fixtures.PASSWORD).location()).isEqualTo("/login?error");
    }

    /** Fixed on this branch: a session kept the account as it was at sign-in, so it outlived the account's disabling. */
    @Test
    void aDisabledAccountsOpenWebSessionEndsAtItsNextRequest() {
        BrowserSession browser = BrowserSession.signedIn(port, username, Fixtures.PASSWORD);
        assertThat(browser.get("/profile").status()).isEqualTo(200);

        disable();

        BrowserSession.Page next = browser.get("/profile");
        assertThat(next.status()).isEqualTo(302);
        assertThat(next.location()).endsWith("/login");
    }

    /** Fixed on this branch: a demoted administrator kept their rights in an open session. */
    @Test
    void aRoleChangeAppliesToAnOpenWebSession() {
        String orgAdmin = fixtures.account(organisation, "ADMINISTRATOR");
        String orgAdminId = jdbc.sql("SELECT id::text FROM accounts WHERE username = :u").param("u", orgAdmin).query(String.class).single();
        BrowserSession browser = BrowserSession.signedIn(port, orgAdmin, Fixtures.PASSWORD);
        assertThat(browser.get("/users/new").status()).isEqualTo(200);

        fixtures.admin().patch("/api/v1/users/" + orgAdminId, Map.of("role", "VIEWER"));

        assertThat(browser.get("/users/new").status()).isEqualTo(403);
        assertThat(browser.get("/profile").text()).contains("Viewer");
    }
}

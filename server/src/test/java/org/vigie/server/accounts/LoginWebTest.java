package org.vigie.server.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.vigie.server.support.BrowserSession;
import org.vigie.server.support.Fixtures;
import org.vigie.server.support.VigieTest;

/** Signing in with the web form, and what protects the pages: the session, CSRF and the security headers. */
@VigieTest
class LoginWebTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    Fixtures fixtures;
    String username;

    @BeforeEach
    void setUp() {
        fixtures = new Fixtures(port);
        username = fixtures.account(fixtures.organisation("RESEARCH"), "ANALYST");
    }

    @Test
    void signingInLeadsToTheHomePage() {
        BrowserSession browser = BrowserSession.open(port);

        BrowserSession.Page answer = browser.signIn(username, Fixtures.PASSWORD);

        assertThat(answer.status()).isEqualTo(302);
        assertThat(answer.location()).isEqualTo("/");
        assertThat(browser.follow(answer).text()).contains("Welcome, Test ANALYST");
    }

    @Test
    void aWrongPasswordLeadsBackToTheLoginPageWithTheGenericMessage() {
        BrowserSession browser = BrowserSession.open(port);

        BrowserSession.Page answer = browser.signIn(username, "not-the-right-password");

        assertThat(answer.location()).isEqualTo("/login?error");
        assertThat(browser.follow(answer).text())
                .contains("Sign-in failed: check your username and password. After 5 failed attempts an account is locked for 15 minutes.");
    }

    @Test
    void anUnknownUsernameGetsTheSameAnswerAsAWrongPassword() {
        BrowserSession browser = BrowserSession.open(port);

        BrowserSession.Page unknown = browser.signIn(Fixtures.unique("nobody"), "whatever-password");
        BrowserSession.Page wrong = BrowserSession.open(port).signIn(username, "not-the-right-password");

        assertThat(unknown.location()).isEqualTo(wrong.location()).isEqualTo("/login?error");
        assertThat(browser.follow(unknown).text()).contains("Sign-in failed");
    }

    @Test
    void pagesNeedASignedInSession() {
        BrowserSession.Page answer = BrowserSession.open(port).get("/profile");

        assertThat(answer.status()).isEqualTo(302);
        assertThat(answer.location()).endsWith("/login");
    }

    @Test
    void pagesCarryTheSecurityHeaders() {
        BrowserSession.Page page = BrowserSession.signedIn(port, username, Fixtures.PASSWORD).get("/profile");

        String policy = page.header("Content-Security-Policy");
        String scripts = Arrays.stream(policy.split(";")).map(String::trim).filter(d -> d.startsWith("script-src"))
                .findFirst().orElseThrow();
        assertThat(policy).contains("script-src 'self'").contains("frame-ancestors 'none'");
        assertThat(scripts).doesNotContain("unsafe-inline").doesNotContain("unsafe-eval");
        assertThat(page.header("X-Frame-Options")).isEqualTo("DENY");
        assertThat(page.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(page.header("Referrer-Policy")).isNotBlank();
    }

    @Test
    void pagesHaveNoInlineScriptsOrStyles() {
        BrowserSession browser = BrowserSession.signedIn(port, "admin", VigieTest.ADMIN_PASSWORD);

        for (String path : new String[] {"/profile", "/users", "/users/new"}) {
            String html = browser.get(path).body();
            assertThat(html).as(path).doesNotContainPattern("<script(?![^>]*\\bsrc=)[^>]*>")
                    .doesNotContain("style=").doesNotContainPattern("\\son[a-z]+=");
        }
    }

    @Test
    void aFormPostedWithoutItsCsrfTokenIsRefused() {
        BrowserSession browser = BrowserSession.signedIn(port, username, Fixtures.PASSWORD);
        browser.get("/profile");

        BrowserSession.Page answer = browser.submitWithoutCsrf("/profile/tokens", Map.of("name", "forged"));

        assertThat(answer.status()).isEqualTo(403);
        assertThat(jdbc.sql("SELECT count(*) FROM api_tokens WHERE name = 'forged' AND account_id = (SELECT id FROM accounts WHERE username = :u)")
                .param("u", username).query(Long.class).single()).isZero();
    }
}

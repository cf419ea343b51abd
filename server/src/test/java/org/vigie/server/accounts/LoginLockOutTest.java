package org.vigie.server.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.vigie.server.support.Api;
import org.vigie.server.support.BrowserSession;
import org.vigie.server.support.Fixtures;
import org.vigie.server.support.MutableClock;
import org.vigie.server.support.VigieTest;

/** Five wrong passwords lock an account for 15 minutes, and the lock looks exactly like a wrong password. */
@VigieTest
class LoginLockOutTest {

    private static final String WRONG = "definitely-not-the-password";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MutableClock clock;

    Fixtures fixtures;
    String username;

    @BeforeEach
    void setUp() {
        fixtures = new Fixtures(port);
        username = fixtures.account(fixtures.organisation("FACT_CHECKER"), "ANALYST");
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    private Api.Response requestToken(String password) {
        return fixtures.anonymous().basic(username, password).post("/api/v1/auth/tokens", Map.of("name", "lock-out"));
    }

    /** @return the answer to the last wrong password */
    private Api.Response failFiveTimes() {
        Api.Response answer = null;
        for (int attempt = 0; attempt < 5; attempt++) {
            answer = requestToken(WRONG);
            assertThat(answer.status()).isEqualTo(401);
        }
        return answer;
    }

    @Test
    void afterFiveWrongPasswordsTheRightOneIsRefusedWithTheSameGenericAnswer() {
        Api.Response wrong = failFiveTimes();

        Api.Response right = requestToken(Fixtures.PASSWORD);

        assertThat(right.status()).isEqualTo(401);
        assertThat(right.json()).isEqualTo(wrong.json());
        assertThat(right.header("WWW-Authenticate")).isEqualTo(wrong.header("WWW-Authenticate"));
        assertThat(right.body()).doesNotContainIgnoringCase("lock");
    }

    @Test
    void aLockedAccountIsRefusedAtTheSignInFormWithTheGenericMessage() {
        failFiveTimes();

        BrowserSession browser = BrowserSession.open(port);
        BrowserSession.Page answer = browser.signIn(username, Fixtures.PASSWORD);

        assertThat(answer.location()).isEqualTo("/login?error");
        assertThat(browser.follow(answer).text()).contains("Sign-in failed: check your username and password.");
    }

    @Test
    void theLockEndsAfterFifteenMinutes() {
        failFiveTimes();

        clock.advance(Duration.ofMinutes(16));

        assertThat(requestToken(Fixtures.PASSWORD).status()).isEqualTo(201);
    }

    /** Fixed on this branch: the count was not reset when a lock ended, so a single typo locked the account again. */
    @Test
    void afterALockEndsCountingStartsAfresh() {
        failFiveTimes();
        clock.advance(Duration.ofMinutes(16));

        assertThat(requestToken(WRONG).status()).isEqualTo(401);

        assertThat(requestToken(Fixtures.PASSWORD).status()).isEqualTo(201);
    }

    @Test
    void theLockIsAudited() {
        failFiveTimes();

        long locks = jdbc.sql("""
                SELECT count(*) FROM audit_log
                WHERE action = 'account.locked' AND target_id = (SELECT id::text FROM accounts WHERE username = :u)""")
                .param("u", username).query(Long.class).single();

        assertThat(locks).isEqualTo(1);
    }

    @Test
    void fourWrongPasswordsDoNotLock() {
        for (int attempt = 0; attempt < 4; attempt++) {
            requestToken(WRONG);
        }

        assertThat(requestToken(Fixtures.PASSWORD).status()).isEqualTo(201);
    }
}

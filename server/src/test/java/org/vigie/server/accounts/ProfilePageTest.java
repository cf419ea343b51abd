package org.vigie.server.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.vigie.server.support.BrowserSession;
import org.vigie.server.support.Fixtures;
import org.vigie.server.support.VigieTest;

@VigieTest
class ProfilePageTest {

    private static final Pattern NEW_TOKEN = Pattern.compile("<input id=\"new-token\"[^>]*value=\"(vgt_[^\"]+)\"");
    private static final String NEW_PASSWORD = "Another-long-passphrase-2027";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    Fixtures fixtures;
    String username;
    BrowserSession browser;

    @BeforeEach
    void setUp() {
        fixtures = new Fixtures(port);
        username = fixtures.account(fixtures.organisation("MEDIA"), "ANALYST");
        browser = BrowserSession.signedIn(port, username, Fixtures.PASSWORD);
    }

    private BrowserSession.Page changePassword(String current, String newPassword, String confirmation) {
        browser.get("/profile");
        return browser.submit("/profile/password",
                Map.of("currentPassword", current, "newPassword", newPassword, "confirmPassword", confirmation));
    }

    private int tokenRequestWith(String password) {
        return fixtures.anonymous().basic(username, password).post("/api/v1/auth/tokens", Map.of("name", "check")).status();
    }

    @Test
    void theProfileShowsTheMembersAccount() {
        BrowserSession.Page page = browser.get("/profile");

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.text()).contains(username).contains("Test ANALYST").contains("Analyst").contains("English");
    }

    @Test
    void aNewTokenIsShownOnceAndThenOnlyMasked() {
        browser.get("/profile");

        BrowserSession.Page answer = browser.submit("/profile/tokens", Map.of("name", "laptop"));
        assertThat(answer.status()).isEqualTo(302);
        assertThat(answer.location()).isEqualTo("/profile");

        BrowserSession.Page shown = browser.follow(answer);
        Matcher token = NEW_TOKEN.matcher(shown.body());
        assertThat(token.find()).as("the new token is on the page").isTrue();
        assertThat(shown.body()).contains("data-copy=\"#new-token\"");
        assertThat(fixtures.anonymous().bearer(token.group(1)).get("/api/v1/me").json().get("username").asText()).isEqualTo(username);

        BrowserSession.Page reloaded = browser.get("/profile");
        String secret = token.group(1).substring(token.group(1).lastIndexOf('_') + 1);
        assertThat(reloaded.body()).doesNotContain(secret).doesNotContain("new-token").contains("laptop").contains("••••••••");
    }

    @Test
    void aTokenRevokedFromTheProfileIsRefused() {
        var created = fixtures.anonymous().basic(username, Fixtures.PASSWORD).post("/api/v1/auth/tokens", Map.of("name", "to-revoke")).json();
        browser.get("/profile");

        BrowserSession.Page answer = browser.submit("/profile/tokens/" + created.get("id").asText() + "/revoke", Map.of());

        assertThat(answer.location()).isEqualTo("/profile");
        assertThat(browser.follow(answer).text()).contains("Token \"to-revoke\" revoked.").contains("Revoked");
        assertThat(fixtures.anonymous().bearer(created.get("token").asText()).get("/api/v1/me").status()).isEqualTo(401);
    }

    @Test
    void someoneElsesTokenCannotBeRevokedFromTheProfile() {
        String other = fixtures.account(fixtures.organisation("MEDIA"), "ANALYST");
        var theirs = fixtures.anonymous().basic(other, Fixtures.PASSWORD).post("/api/v1/auth/tokens", Map.of("name", "theirs")).json();
        browser.get("/profile");

        BrowserSession.Page answer = browser.submit("/profile/tokens/" + theirs.get("id").asText() + "/revoke", Map.of());

        assertThat(answer.status()).isEqualTo(404);
        assertThat(fixtures.anonymous().bearer(theirs.get("token").asText()).get("/api/v1/me").status()).isEqualTo(200);
    }

    @Test
    void aTokenNeedsAName() {
        browser.get("/profile");

        BrowserSession.Page page = browser.submit("/profile/tokens", Map.of("name", "  "));

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.tag("name")).contains("aria-invalid=\"true\"", "aria-describedby=\"name-hint name-error\"");
        assertThat(page.tag("name-error")).isNotNull();
        assertThat(page.text()).contains("Required.");
    }

    @Test
    void aWrongCurrentPasswordIsShownNextToItsFieldAndNoPasswordIsSentBack() {
        BrowserSession.Page page = changePassword("not-my-password-at-all", NEW_PASSWORD, NEW_PASSWORD);

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.tag("currentPassword")).contains("aria-invalid=\"true\"", "aria-describedby=\"currentPassword-error\"");
        assertThat(page.tag("currentPassword-error")).isNotNull();
        assertThat(page.body()).doesNotContain("not-my-password-at-all").doesNotContain(NEW_PASSWORD);
        assertThat(page.text()).contains("The current password is not correct.");
        assertThat(tokenRequestWith(Fixtures.PASSWORD)).isEqualTo(201);
    }

    @Test
    void aMistypedConfirmationIsShownNextToItsField() {
        BrowserSession.Page page = changePassword(Fixtures.PASSWORD, NEW_PASSWORD, NEW_PASSWORD + "x");

        assertThat(page.body()).contains("id=\"confirmPassword-error\"");
        assertThat(page.text()).contains("The two new passwords differ.");
        assertThat(tokenRequestWith(Fixtures.PASSWORD)).isEqualTo(201);
    }

    @Test
    void aNewPasswordBreakingThePolicyIsShownNextToItsField() {
        BrowserSession.Page page = changePassword(Fixtures.PASSWORD, "short", "short");

        assertThat(page.body()).contains("id=\"newPassword-error\"");
        assertThat(page.text()).contains("The password must have at least 12 characters.");
    }

    @Test
    void changingThePasswordFromTheProfile() {
        BrowserSession.Page answer = changePassword(Fixtures.PASSWORD, NEW_PASSWORD, NEW_PASSWORD);

        assertThat(answer.location()).isEqualTo("/profile");
        assertThat(browser.follow(answer).text()).contains("Your password is changed.");
        assertThat(tokenRequestWith(Fixtures.PASSWORD)).isEqualTo(401);
        assertThat(tokenRequestWith(NEW_PASSWORD)).isEqualTo(201);
    }

    @Test
    void aChosenLanguageIsRememberedForTheAccount() {
        browser.get("/profile");

        BrowserSession.Page answer = browser.submit("/profile/language", Map.of("language", "fr"));

        BrowserSession.Page page = browser.follow(answer);
        assertThat(page.body()).contains("<html lang=\"fr\"");
        assertThat(page.text()).contains("Votre profil").contains("Votre langue est enregistrée.").contains("Analyste");
        assertThat(jdbc.sql("SELECT locale FROM accounts WHERE username = :u").param("u", username).query(String.class).single())
                .isEqualTo("fr");
        BrowserSession elsewhere = BrowserSession.signedIn(port, username, Fixtures.PASSWORD);
        assertThat(elsewhere.get("/profile").text()).contains("Votre profil");
    }

    @Test
    void fieldErrorsAreInTheReadersLanguage() {
        browser.get("/profile");
        browser.submit("/profile/language", Map.of("language", "fr"));

        BrowserSession.Page page = changePassword("not-my-password-at-all", NEW_PASSWORD, NEW_PASSWORD);

        assertThat(page.text()).contains("Le mot de passe actuel n’est pas correct.");
    }
}

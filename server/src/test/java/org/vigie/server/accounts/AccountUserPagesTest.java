package org.vigie.server.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.vigie.server.support.BrowserSession;
import org.vigie.server.support.Fixtures;
import org.vigie.server.support.VigieTest;

/** The users pages: listing, opening and changing accounts in a browser. */
@VigieTest
class AccountUserPagesTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    Fixtures fixtures;
    UUID organisationA;
    UUID organisationB;

    @BeforeEach
    void setUp() {
        fixtures = new Fixtures(port);
        organisationA = fixtures.organisation("ELECTION_MANAGEMENT_BODY");
        organisationB = fixtures.organisation("POLITICAL_PARTY");
    }

    private BrowserSession admin() {
        return BrowserSession.signedIn(port, "admin", VigieTest.ADMIN_PASSWORD);
    }

    private BrowserSession as(String username) {
        return BrowserSession.signedIn(port, username, Fixtures.PASSWORD);
    }

    private static Map<String, String> newAccountForm(String username) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("username", username);
        form.put("displayName", "Dominique Bernard");
        form.put("email", "dominique@example.org");
        form.put("role", "ANALYST");
        form.put("password", Fixtures.PASSWORD);
        return form;
    }

    private JsonNode account(String username) {
        String id = jdbc.sql("SELECT id::text FROM accounts WHERE username = :u").param("u", username).query(String.class).single();
        return fixtures.admin().get("/api/v1/users/" + id).json();
    }

    private String organisationName(UUID id) {
        return fixtures.admin().get("/api/v1/organisations/" + id).json().get("name").asText();
    }

    @Test
    void aPlatformAdministratorSeesEveryAccountWithItsOrganisation() {
        String inA = fixtures.account(organisationA, "ANALYST");
        String inB = fixtures.account(organisationB, "VIEWER");

        BrowserSession.Page page = admin().get("/users");

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.text()).contains(inA, inB, organisationName(organisationA), organisationName(organisationB))
                .contains("New account");
    }

    @Test
    void aMemberSeesOnlyTheirOrganisationsAccountsAndNoNewAccountButton() {
        String analyst = fixtures.account(organisationA, "ANALYST");
        String colleague = fixtures.account(organisationA, "VIEWER");
        String outsider = fixtures.account(organisationB, "ANALYST");

        BrowserSession.Page page = as(analyst).get("/users");

        assertThat(page.text()).contains(analyst, colleague).doesNotContain(outsider).doesNotContain("New account");
        assertThat(page.body()).doesNotContain("/edit");
    }

    @Test
    void anAnalystCannotOpenAccounts() {
        BrowserSession analyst = as(fixtures.account(organisationA, "ANALYST"));

        assertThat(analyst.get("/users/new").status()).isEqualTo(403);
        assertThat(analyst.submit("/users", newAccountForm(Fixtures.unique("sneaky"))).status()).isEqualTo(403);
    }

    @Test
    void aPlatformAdministratorOpensAnAccountInAnyOrganisation() {
        BrowserSession admin = admin();
        admin.get("/users/new");
        String username = Fixtures.unique("dominique");
        Map<String, String> form = newAccountForm(username);
        form.put("organisationId", organisationB.toString());

        BrowserSession.Page answer = admin.submit("/users", form);

        assertThat(answer.location()).isEqualTo("/users");
        assertThat(admin.follow(answer).text()).contains("Account " + username + " created.");
        assertThat(account(username).get("organisationId").asText()).isEqualTo(organisationB.toString());
        assertThat(account(username).get("role").asText()).isEqualTo("ANALYST");
    }

    @Test
    void anOrganisationAdministratorOpensAccountsOnlyInTheirOwnOrganisationAndGrantsNoPlatformRights() {
        BrowserSession orgAdmin = as(fixtures.account(organisationA, "ADMINISTRATOR"));
        BrowserSession.Page blank = orgAdmin.get("/users/new");
        assertThat(blank.text()).contains(organisationName(organisationA));
        assertThat(blank.body()).doesNotContain("name=\"organisationId\"").doesNotContain("name=\"platformAdministrator\"");
        String username = Fixtures.unique("member");
        Map<String, String> form = newAccountForm(username);
        form.put("organisationId", organisationB.toString());
        form.put("platformAdministrator", "true");

        BrowserSession.Page answer = orgAdmin.submit("/users", form);

        assertThat(answer.location()).isEqualTo("/users");
        JsonNode created = account(username);
        assertThat(created.get("organisationId").asText()).isEqualTo(organisationA.toString());
        assertThat(created.get("platformAdministrator").asBoolean()).isFalse();
    }

    @Test
    void anInvalidFormIsShownAgainWithFieldErrorsAndWhatWasTypedButNotThePassword() {
        BrowserSession orgAdmin = as(fixtures.account(organisationA, "ADMINISTRATOR"));
        orgAdmin.get("/users/new");
        Map<String, String> form = newAccountForm("Not A Valid Name!");
        form.put("password", "tiny-secret");

        BrowserSession.Page page = orgAdmin.submit("/users", form);

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.tag("username")).contains("value=\"Not A Valid Name!\"", "aria-invalid=\"true\"",
                "aria-describedby=\"username-hint username-error\"");
        assertThat(page.tag("displayName")).contains("value=\"Dominique Bernard\"").doesNotContain("aria-invalid");
        assertThat(page.tag("username-error")).isNotNull();
        assertThat(page.tag("password")).contains("value=\"\"");
        assertThat(page.body()).doesNotContain("tiny-secret");
        assertThat(page.text()).contains("Some fields need your attention.")
                .contains("A username has 2 to 64 characters");
    }

    @Test
    void aBlankDisplayNameIsShownAsAFieldError() {
        BrowserSession orgAdmin = as(fixtures.account(organisationA, "ADMINISTRATOR"));
        orgAdmin.get("/users/new");
        Map<String, String> form = newAccountForm(Fixtures.unique("nameless"));
        form.put("displayName", " ");

        BrowserSession.Page page = orgAdmin.submit("/users", form);

        assertThat(page.body()).contains("id=\"displayName-error\"");
        assertThat(page.text()).contains("Required.");
    }

    @Test
    void aTakenUsernameIsShownNextToTheUsernameField() {
        String taken = fixtures.account(organisationA, "VIEWER");
        BrowserSession admin = admin();
        admin.get("/users/new");
        Map<String, String> form = newAccountForm(taken);
        form.put("organisationId", organisationA.toString());

        BrowserSession.Page page = admin.submit("/users", form);

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).containsPattern("<p class=\"field-error\" id=\"username-error\">\\s*<span>This username is already taken.</span>");
    }

    @Test
    void fieldErrorsAndRoleNamesAreInTheReadersLanguage() {
        String taken = fixtures.account(organisationA, "VIEWER");
        BrowserSession orgAdmin = as(fixtures.account(organisationA, "ADMINISTRATOR")).acceptLanguage("fr");
        assertThat(orgAdmin.get("/users").text()).contains("Lecteur").contains("Administrateur");
        orgAdmin.get("/users/new");

        BrowserSession.Page page = orgAdmin.submit("/users", newAccountForm(taken));

        assertThat(page.text()).contains("Cet identifiant est déjà pris.").contains("Analyste");
    }

    @Test
    void anOrganisationAdministratorChangesARoleAndDisablesAnAccount() {
        BrowserSession orgAdmin = as(fixtures.account(organisationA, "ADMINISTRATOR"));
        String member = fixtures.account(organisationA, "ANALYST");
        String id = account(member).get("id").asText();
        BrowserSession.Page editPage = orgAdmin.get("/users/" + id + "/edit");
        assertThat(editPage.status()).isEqualTo(200);
        assertThat(editPage.body()).doesNotContain("name=\"platformAdministrator\"");

        // an unticked checkbox sends only its "_enabled" marker; a forged platform flag is not bound
        BrowserSession.Page answer = orgAdmin.submit("/users/" + id + "/edit", Map.of("displayName", "Renamed member",
                "email", "", "role", "VIEWER", "_enabled", "on", "platformAdministrator", "true"));

        assertThat(answer.location()).isEqualTo("/users");
        assertThat(orgAdmin.follow(answer).text()).contains("Account " + member + " updated.").contains("Disabled");
        JsonNode changed = account(member);
        assertThat(changed.get("role").asText()).isEqualTo("VIEWER");
        assertThat(changed.get("enabled").asBoolean()).isFalse();
        assertThat(changed.get("displayName").asText()).isEqualTo("Renamed member");
        assertThat(changed.get("platformAdministrator").asBoolean()).isFalse();
    }

    @Test
    void disablingOnesOwnAccountIsShownAsAFieldError() {
        String username = fixtures.account(organisationA, "ADMINISTRATOR");
        BrowserSession orgAdmin = as(username);
        String id = account(username).get("id").asText();
        orgAdmin.get("/users/" + id + "/edit");

        BrowserSession.Page page = orgAdmin.submit("/users/" + id + "/edit",
                Map.of("displayName", "Me", "email", "", "role", "ADMINISTRATOR", "_enabled", "on"));

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("id=\"enabled-error\"");
        assertThat(page.text()).contains("You cannot disable your own account");
        assertThat(account(username).get("enabled").asBoolean()).isTrue();
    }

    @Test
    void anAccountOfAnotherOrganisationHasNoEditPage() {
        BrowserSession orgAdmin = as(fixtures.account(organisationA, "ADMINISTRATOR"));
        String outsider = account(fixtures.account(organisationB, "ANALYST")).get("id").asText();

        assertThat(orgAdmin.get("/users/" + outsider + "/edit").status()).isEqualTo(404);
        assertThat(orgAdmin.get("/users/" + UUID.randomUUID() + "/edit").status()).isEqualTo(404);
        assertThat(orgAdmin.get("/users/not-a-uuid/edit").status()).isEqualTo(404);
    }

    @Test
    void aColleagueWhoIsNoAdministratorSeesButCannotEdit() {
        String analyst = fixtures.account(organisationA, "ANALYST");
        String colleague = account(fixtures.account(organisationA, "VIEWER")).get("id").asText();

        assertThat(as(analyst).get("/users/" + colleague + "/edit").status()).isEqualTo(403);
    }
}

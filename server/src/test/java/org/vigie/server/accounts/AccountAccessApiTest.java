package org.vigie.server.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vigie.server.accounts.AccountCreationApiTest.fieldsNamed;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.vigie.server.support.Api;
import org.vigie.server.support.Fixtures;
import org.vigie.server.support.VigieTest;

/** Who may open, see and change which accounts, through the API. */
@VigieTest
class AccountAccessApiTest {

    @LocalServerPort
    int port;

    Fixtures fixtures;
    UUID organisationA;
    UUID organisationB;

    @BeforeEach
    void setUp() {
        fixtures = new Fixtures(port);
        organisationA = fixtures.organisation("ELECTION_MANAGEMENT_BODY");
        organisationB = fixtures.organisation("MEDIA");
    }

    private static Map<String, Object> newAccount(UUID organisation, String role) {
        return Map.of("username", Fixtures.unique("new"), "password", Fixtures.PASSWORD, "displayName", "New member",
                "organisationId", organisation.toString(), "role", role);
    }

    private String idOf(String username) {
        return StreamSupport.stream(fixtures.admin().get("/api/v1/users").json().spliterator(), false)
                .filter(a -> a.get("username").asText().equals(username)).findFirst().orElseThrow().get("id").asText();
    }

    @Test
    void anOrganisationAdministratorOpensAccountsInTheirOwnOrganisation() {
        Api orgAdmin = fixtures.signedIn(fixtures.account(organisationA, "ADMINISTRATOR"));

        Api.Response created = orgAdmin.post("/api/v1/users", newAccount(organisationA, "VIEWER"));

        assertThat(created.status()).isEqualTo(201);
        assertThat(created.json().get("organisationId").asText()).isEqualTo(organisationA.toString());
    }

    @Test
    void anOrganisationAdministratorCannotOpenAccountsInAnotherOrganisation() {
        Api orgAdmin = fixtures.signedIn(fixtures.account(organisationA, "ADMINISTRATOR"));

        assertThat(orgAdmin.post("/api/v1/users", newAccount(organisationB, "VIEWER")).status()).isEqualTo(403);
    }

    @Test
    void anOrganisationAdministratorCannotCreateAPlatformAdministrator() {
        Api orgAdmin = fixtures.signedIn(fixtures.account(organisationA, "ADMINISTRATOR"));
        Map<String, Object> platformAdmin = new java.util.HashMap<>(newAccount(organisationA, "ADMINISTRATOR"));
        platformAdmin.put("platformAdministrator", true);

        assertThat(orgAdmin.post("/api/v1/users", platformAdmin).status()).isEqualTo(403);
    }

    @Test
    void anAnalystCannotOpenAccounts() {
        Api analyst = fixtures.signedIn(fixtures.account(organisationA, "ANALYST"));

        assertThat(analyst.post("/api/v1/users", newAccount(organisationA, "VIEWER")).status()).isEqualTo(403);
    }

    @Test
    void aViewerListsOnlyTheAccountsOfTheirOwnOrganisation() {
        String viewer = fixtures.account(organisationA, "VIEWER");
        String colleague = fixtures.account(organisationA, "ANALYST");
        String outsider = fixtures.account(organisationB, "ANALYST");

        JsonNode listed = fixtures.signedIn(viewer).get("/api/v1/users").json();

        List<String> usernames = listed.findValuesAsText("username");
        assertThat(usernames).contains(viewer, colleague).doesNotContain(outsider, "admin");
        assertThat(listed.findValuesAsText("organisationId")).containsOnly(organisationA.toString());
    }

    @Test
    void anAccountOfAnotherOrganisationIsNotFound() {
        Api memberOfA = fixtures.signedIn(fixtures.account(organisationA, "ADMINISTRATOR"));
        String outsider = idOf(fixtures.account(organisationB, "ANALYST"));

        assertThat(memberOfA.get("/api/v1/users/" + outsider).status()).isEqualTo(404);
        assertThat(memberOfA.patch("/api/v1/users/" + outsider, Map.of("enabled", false)).status()).isEqualTo(404);
    }

    @Test
    void anOrganisationAdministratorChangesTheRoleOfAMember() {
        Api orgAdmin = fixtures.signedIn(fixtures.account(organisationA, "ADMINISTRATOR"));
        String member = idOf(fixtures.account(organisationA, "ANALYST"));

        Api.Response changed = orgAdmin.patch("/api/v1/users/" + member, Map.of("role", "VIEWER"));

        assertThat(changed.status()).isEqualTo(200);
        assertThat(changed.json().get("role").asText()).isEqualTo("VIEWER");
        assertThat(fixtures.admin().get("/api/v1/users/" + member).json().get("role").asText()).isEqualTo("VIEWER");
    }

    /** Fixed on this branch: an organisation administrator could disable the platform's own administrators. */
    @Test
    void anOrganisationAdministratorCannotChangeAPlatformAdministratorOfTheirOrganisation() {
        Api orgAdmin = fixtures.signedIn(fixtures.account(organisationA, "ADMINISTRATOR"));
        Map<String, Object> operator = new java.util.HashMap<>(newAccount(organisationA, "ANALYST"));
        operator.put("platformAdministrator", true);
        String operatorId = fixtures.admin().post("/api/v1/users", operator).json().get("id").asText();

        Api.Response attempt = orgAdmin.patch("/api/v1/users/" + operatorId, Map.of("enabled", false));

        assertThat(attempt.status()).isEqualTo(403);
        assertThat(fixtures.admin().get("/api/v1/users/" + operatorId).json().get("enabled").asBoolean()).isTrue();
    }

    /** Fixed on this branch: "no withdrawing your own administration rights" did not cover an organisation's administrators. */
    @Test
    void anOrganisationAdministratorCannotStepDownThemselves() {
        String username = fixtures.account(organisationA, "ADMINISTRATOR");
        Api orgAdmin = fixtures.signedIn(username);

        Api.Response attempt = orgAdmin.patch("/api/v1/users/" + idOf(username), Map.of("role", "ANALYST"));

        assertThat(attempt.status()).isEqualTo(400);
        assertThat(fieldsNamed(attempt)).containsExactly("role");
        assertThat(orgAdmin.get("/api/v1/me").json().get("role").asText()).isEqualTo("ADMINISTRATOR");
    }
}

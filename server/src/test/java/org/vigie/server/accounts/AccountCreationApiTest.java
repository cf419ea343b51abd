package org.vigie.server.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.vigie.server.support.Api;
import org.vigie.server.support.Fixtures;
import org.vigie.server.support.VigieTest;

@VigieTest
class AccountCreationApiTest {

    @LocalServerPort
    int port;

    Fixtures fixtures;
    UUID organisation;

    @BeforeEach
    void setUp() {
        fixtures = new Fixtures(port);
        organisation = fixtures.organisation("ELECTION_MANAGEMENT_BODY");
    }

    private Map<String, Object> newAccount(String username) {
        Map<String, Object> account = new HashMap<>();
        account.put("username", username);
        account.put("password", Fixtures.PASSWORD);
        account.put("displayName", "Camille Martin");
        account.put("email", "camille@example.org");
        account.put("organisationId", organisation.toString());
        account.put("role", "ANALYST");
        return account;
    }

    private static Map<String, Object> with(Map<String, Object> account, String field, Object value) {
        Map<String, Object> changed = new HashMap<>(account);
        changed.put(field, value);
        return changed;
    }

    static List<String> fieldsNamed(Api.Response problem) {
        return problem.json().get("errors").findValuesAsText("field");
    }

    @Test
    void creatingAnAccountAnswers201WithItsAddressAndWithoutThePassword() {
        String username = Fixtures.unique("camille");

        Api.Response created = fixtures.admin().post("/api/v1/users", newAccount(username));

        assertThat(created.status()).isEqualTo(201);
        assertThat(created.header("Location")).isEqualTo("/api/v1/users/" + created.json().get("id").asText());
        assertThat(created.json().get("username").asText()).isEqualTo(username);
        assertThat(created.json().get("organisationId").asText()).isEqualTo(organisation.toString());
        assertThat(created.json().get("role").asText()).isEqualTo("ANALYST");
        assertThat(created.json().get("enabled").asBoolean()).isTrue();
        assertThat(created.body()).doesNotContain(Fixtures.PASSWORD).doesNotContainIgnoringCase("hash");
        assertThat(fixtures.admin().get(created.header("Location")).status()).isEqualTo(200);
    }

    @Test
    void aTakenUsernameIsA409NamingUsernameWhateverItsCase() {
        String username = Fixtures.unique("taken");
        fixtures.admin().post("/api/v1/users", newAccount(username));

        Api.Response again = fixtures.admin().post("/api/v1/users", newAccount(username.toUpperCase()));

        assertThat(again.status()).isEqualTo(409);
        assertThat(fieldsNamed(again)).containsExactly("username");
    }

    @Test
    void aWeakPasswordIsA400NamingPassword() {
        Api.Response refused = fixtures.admin().post("/api/v1/users", with(newAccount(Fixtures.unique("weak")), "password", "short"));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(fieldsNamed(refused)).containsExactly("password");
    }

    @Test
    void anUnknownOrganisationIsA400NamingOrganisationId() {
        Api.Response refused = fixtures.admin().post("/api/v1/users",
                with(newAccount(Fixtures.unique("lost")), "organisationId", UUID.randomUUID().toString()));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(fieldsNamed(refused)).containsExactly("organisationId");
    }

    @Test
    void anUnknownRoleIsA400NamingRole() {
        Api.Response refused = fixtures.admin().post("/api/v1/users", with(newAccount(Fixtures.unique("overlord")), "role", "OVERLORD"));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(fieldsNamed(refused)).containsExactly("role");
        assertThat(refused.body()).contains("ADMINISTRATOR, ANALYST, VIEWER");
    }

    @Test
    void anUnknownAccountIdIsA404() {
        assertThat(fixtures.admin().get("/api/v1/users/" + UUID.randomUUID()).status()).isEqualTo(404);
    }

    @Test
    void aMalformedAccountIdIsA404LikeAnUnknownOne() {
        assertThat(fixtures.admin().get("/api/v1/users/not-a-uuid").status()).isEqualTo(404);
    }
}

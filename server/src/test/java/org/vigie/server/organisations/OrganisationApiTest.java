package org.vigie.server.organisations;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.vigie.server.support.Api;
import org.vigie.server.support.Fixtures;
import org.vigie.server.support.VigieTest;

@VigieTest
class OrganisationApiTest {

    @LocalServerPort
    int port;

    Fixtures fixtures;

    @BeforeEach
    void setUp() {
        fixtures = new Fixtures(port);
    }

    private static Map<String, String> organisation(String name) {
        return Map.of("name", name, "sector", "FACT_CHECKER", "country", "de", "description", "Checks claims");
    }

    private static JsonNode fieldError(Api.Response response) {
        return response.json().get("errors").get(0);
    }

    @Test
    void aPlatformAdministratorCreatesAnOrganisationThatCanBeReadBack() {
        String name = Fixtures.unique("Faktencheck");

        Api.Response created = fixtures.admin().post("/api/v1/organisations", organisation(name));

        assertThat(created.status()).isEqualTo(201);
        String id = created.json().get("id").asText();
        assertThat(created.header("Location")).isEqualTo("/api/v1/organisations/" + id);
        JsonNode read = fixtures.admin().get("/api/v1/organisations/" + id).json();
        assertThat(read.get("name").asText()).isEqualTo(name);
        assertThat(read.get("sector").asText()).isEqualTo("FACT_CHECKER");
        assertThat(read.get("country").asText()).isEqualTo("DE");
    }

    @Test
    void aNameAlreadyTakenInAnotherCaseIsAConflictNamingTheField() {
        String name = Fixtures.unique("Observatoire");
        fixtures.admin().post("/api/v1/organisations", organisation(name));

        Api.Response again = fixtures.admin().post("/api/v1/organisations", organisation(name.toUpperCase()));

        assertThat(again.status()).isEqualTo(409);
        assertThat(fieldError(again).get("field").asText()).isEqualTo("name");
    }

    @Test
    void anUnknownSectorIsRefusedNamingTheField() {
        Api.Response refused = fixtures.admin().post("/api/v1/organisations",
                Map.of("name", Fixtures.unique("Org"), "sector", "BAKERY", "country", "FR"));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(fieldError(refused).get("field").asText()).isEqualTo("sector");
    }

    @Test
    void aCodeThatNamesNoCountryIsRefusedNamingTheField() {
        Api.Response unassigned = fixtures.admin().post("/api/v1/organisations",
                Map.of("name", Fixtures.unique("Org"), "sector", "MEDIA", "country", "ZY"));
        Api.Response notACode = fixtures.admin().post("/api/v1/organisations",
                Map.of("name", Fixtures.unique("Org"), "sector", "MEDIA", "country", "France"));

        assertThat(unassigned.status()).isEqualTo(400);
        assertThat(fieldError(unassigned).get("field").asText()).isEqualTo("country");
        assertThat(notACode.status()).isEqualTo(400);
        assertThat(fieldError(notACode).get("field").asText()).isEqualTo("country");
        assertThat(fieldError(notACode).get("message").asText()).contains("ISO 3166-1");
    }

    @Test
    void anUnknownOrMalformedIdIsNotFound() {
        assertThat(fixtures.admin().get("/api/v1/organisations/" + UUID.randomUUID()).status()).isEqualTo(404);
        assertThat(fixtures.admin().get("/api/v1/organisations/not-a-uuid").status()).isEqualTo(404);
        assertThat(fixtures.admin().patch("/api/v1/organisations/not-a-uuid", Map.of("name", "x")).status()).isEqualTo(404);
    }

    @Test
    void anOrganisationsAdministratorChangesIt() {
        UUID organisation = fixtures.organisation("RESEARCH");
        Api administrator = fixtures.signedIn(fixtures.account(organisation, "ADMINISTRATOR"));

        Api.Response changed = administrator.patch("/api/v1/organisations/" + organisation, Map.of("description", "Studies networks"));

        assertThat(changed.status()).isEqualTo(200);
        assertThat(changed.json().get("description").asText()).isEqualTo("Studies networks");
        assertThat(changed.json().get("sector").asText()).isEqualTo("RESEARCH");
    }

    @Test
    void anAdministratorOfAnotherOrganisationMayNotChangeIt() {
        UUID organisation = fixtures.organisation("RESEARCH");
        Api outsider = fixtures.signedIn(fixtures.account(fixtures.organisation("MEDIA"), "ADMINISTRATOR"));

        assertThat(outsider.patch("/api/v1/organisations/" + organisation, Map.of("description", "hijacked")).status())
                .isEqualTo(403);
        assertThat(fixtures.admin().get("/api/v1/organisations/" + organisation).json().get("description").asText())
                .isEqualTo("test organisation");
    }

    @Test
    void anAnalystMayNotChangeTheirOwnOrganisation() {
        UUID organisation = fixtures.organisation("RESEARCH");
        Api analyst = fixtures.signedIn(fixtures.account(organisation, "ANALYST"));

        assertThat(analyst.patch("/api/v1/organisations/" + organisation, Map.of("description", "changed")).status())
                .isEqualTo(403);
    }

    @Test
    void onlyPlatformAdministratorsCreateOrganisations() {
        Api administrator = fixtures.signedIn(fixtures.account(fixtures.organisation("MEDIA"), "ADMINISTRATOR"));

        assertThat(administrator.post("/api/v1/organisations", organisation(Fixtures.unique("Org"))).status()).isEqualTo(403);
    }
}

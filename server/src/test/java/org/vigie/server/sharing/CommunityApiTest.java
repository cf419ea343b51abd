package org.vigie.server.sharing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vigie.server.sharing.CommunityFixtures.PATH;
import static org.vigie.server.sharing.CommunityFixtures.charter;
import static org.vigie.server.sharing.CommunityFixtures.community;
import static org.vigie.server.sharing.CommunityFixtures.electionCharter;
import static org.vigie.server.sharing.CommunityFixtures.objective;

import com.fasterxml.jackson.databind.JsonNode;
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
class CommunityApiTest {

    @LocalServerPort
    int port;

    Fixtures fixtures;

    @BeforeEach
    void setUp() {
        fixtures = new Fixtures(port);
    }

    private static JsonNode fieldError(Api.Response response) {
        return response.json().get("errors").get(0);
    }

    @Test
    void anOrganisationsAdministratorCreatesACommunityWithTheirOrganisationAsFirstAcceptedMember() {
        UUID organisation = fixtures.organisation("ELECTION_MANAGEMENT_BODY");
        String username = fixtures.account(organisation, "ADMINISTRATOR");
        Api creator = fixtures.signedIn(username);
        String name = Fixtures.unique("National election cell");
        Map<String, Object> charter = charter("We share what we see.",
                objective(List.of("ELECTION_MANAGEMENT_BODY", "GOVERNMENT_AGENCY"), List.of("INCIDENTS", "INDICATORS"), "AMBER_STRICT"));

        Api.Response created = creator.post(PATH, community(name, charter));

        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String id = created.json().get("id").asText();
        assertThat(created.header("Location")).isEqualTo(PATH + "/" + id);
        JsonNode read = fixtures.signedIn(fixtures.account(fixtures.organisation("MEDIA"), "VIEWER")).get(PATH + "/" + id).json();
        assertThat(read.get("name").asText()).isEqualTo(name);
        assertThat(read.get("charterVersion").asInt()).isEqualTo(1);
        assertThat(read.at("/charter/preamble").asText()).isEqualTo("We share what we see.");
        JsonNode objective = read.at("/charter/objectives/0");
        assertThat(objective.get("sectors").toString()).isEqualTo("[\"GOVERNMENT_AGENCY\",\"ELECTION_MANAGEMENT_BODY\"]");
        assertThat(objective.get("kinds").toString()).isEqualTo("[\"INCIDENTS\",\"INDICATORS\"]");
        assertThat(objective.get("defaultTlp").asText()).isEqualTo("AMBER_STRICT");
        JsonNode member = read.at("/members/0");
        assertThat(member.get("organisationId").asText()).isEqualTo(organisation.toString());
        assertThat(member.get("accepted").asBoolean()).isTrue();
        assertThat(member.get("acceptedVersion").asInt()).isEqualTo(1);
        assertThat(member.get("acceptedBy").asText()).isEqualTo(username);
        assertThat(read.at("/administrators/0/username").asText()).isEqualTo(username);
    }

    @Test
    void aPlatformAdministratorCreatesACommunityWithoutMembers() {
        Api.Response created = fixtures.admin().post(PATH, community(Fixtures.unique("G7 rapid response"), electionCharter()));

        assertThat(created.status()).isEqualTo(201);
        assertThat(created.json().get("members")).isEmpty();
        assertThat(created.json().get("administrators")).isEmpty();
    }

    @Test
    void aCharterSentAsTextIsAPreambleWithoutObjectives() {
        Api.Response created = fixtures.admin().post(PATH, community(Fixtures.unique("Cell"), "Members share incidents at once."));

        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.json().at("/charter/preamble").asText()).isEqualTo("Members share incidents at once.");
        assertThat(created.json().at("/charter/objectives")).isEmpty();
    }

    @Test
    void aNameAlreadyTakenInAnotherCaseIsAConflictNamingTheField() {
        String name = Fixtures.unique("Cell");
        fixtures.admin().post(PATH, community(name, electionCharter()));

        Api.Response again = fixtures.admin().post(PATH, community(name.toUpperCase(), electionCharter()));

        assertThat(again.status()).isEqualTo(409);
        assertThat(fieldError(again).get("field").asText()).isEqualTo("name");
    }

    @Test
    void anUnknownKindOfInformationIsRefusedNamingItsPathInTheCharter() {
        Map<String, Object> charter = charter("", objective(List.of("MEDIA"), List.of("RUMOURS"), "GREEN"));

        Api.Response refused = fixtures.admin().post(PATH, community(Fixtures.unique("Cell"), charter));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(fieldError(refused).get("field").asText()).isEqualTo("charter.objectives[0].kinds[0]");
        assertThat(fieldError(refused).get("message").asText()).contains("'RUMOURS' is not one of", "PUBLIC_STATEMENTS");
    }

    @Test
    void anUnknownMarkingIsRefusedNamingItsPathInTheCharter() {
        Map<String, Object> charter = charter("", objective(List.of("MEDIA"), List.of("INCIDENTS"), "GREEN"),
                objective(List.of("MEDIA"), List.of("INCIDENTS"), "PURPLE"));

        Api.Response refused = fixtures.admin().post(PATH, community(Fixtures.unique("Cell"), charter));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(fieldError(refused).get("field").asText()).isEqualTo("charter.objectives[1].defaultTlp");
    }

    @Test
    void anObjectiveWithoutSectorsIsRefusedNamingItsPath() {
        Map<String, Object> charter = charter("", objective(List.of(), List.of("INCIDENTS"), "GREEN"));

        Api.Response refused = fixtures.admin().post(PATH, community(Fixtures.unique("Cell"), charter));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(fieldError(refused).get("field").asText()).isEqualTo("charter.objectives[0].sectors");
    }

    @Test
    void anEmptyCharterIsRefused() {
        Api.Response refused = fixtures.admin().post(PATH, community(Fixtures.unique("Cell"), charter("  ")));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(fieldError(refused).get("field").asText()).isEqualTo("charter");
    }

    @Test
    void anAnalystMayNotCreateACommunity() {
        Api analyst = fixtures.signedIn(fixtures.account(fixtures.organisation("MEDIA"), "ANALYST"));

        assertThat(analyst.post(PATH, community(Fixtures.unique("Cell"), electionCharter())).status()).isEqualTo(403);
    }

    @Test
    void anUnknownOrMalformedIdIsNotFound() {
        assertThat(fixtures.admin().get(PATH + "/" + UUID.randomUUID()).status()).isEqualTo(404);
        assertThat(fixtures.admin().get(PATH + "/not-a-uuid").status()).isEqualTo(404);
        assertThat(fixtures.admin().patch(PATH + "/not-a-uuid", Map.of("name", "x")).status()).isEqualTo(404);
        assertThat(fixtures.admin().post(PATH + "/" + UUID.randomUUID() + "/charter/accept", "").status()).isEqualTo(404);
    }

    @Test
    void theListTellsWhetherTheCallersOrganisationIsAMemberAndHasAccepted() {
        Api creator = fixtures.signedIn(fixtures.account(fixtures.organisation("ELECTION_MANAGEMENT_BODY"), "ADMINISTRATOR"));
        JsonNode community = CommunityFixtures.create(creator);
        UUID joining = fixtures.organisation("FACT_CHECKER");
        creator.post(CommunityFixtures.path(community) + "/members", Map.of("organisationId", joining.toString()));
        Api outsider = fixtures.signedIn(fixtures.account(fixtures.organisation("MEDIA"), "VIEWER"));

        assertThat(yourOrganisation(creator, community)).isEqualTo("{\"member\":true,\"accepted\":true}");
        assertThat(yourOrganisation(fixtures.signedIn(fixtures.account(joining, "ANALYST")), community))
                .isEqualTo("{\"member\":true,\"accepted\":false}");
        assertThat(yourOrganisation(outsider, community)).isEqualTo("{\"member\":false,\"accepted\":false}");
    }

    private static String yourOrganisation(Api reader, JsonNode community) {
        for (JsonNode listed : reader.get(PATH).json()) {
            if (listed.get("id").equals(community.get("id"))) {
                assertThat(listed.get("memberCount").asInt()).isEqualTo(2);
                return listed.get("yourOrganisation").toString();
            }
        }
        throw new AssertionError("community not listed");
    }

    @Test
    void aCommunityAdministratorRenamesItAndChangesItsPurpose() {
        Api creator = fixtures.signedIn(fixtures.account(fixtures.organisation("ELECTION_MANAGEMENT_BODY"), "ADMINISTRATOR"));
        JsonNode community = CommunityFixtures.create(creator);
        String name = Fixtures.unique("Renamed");

        Api.Response changed = creator.patch(CommunityFixtures.path(community), Map.of("name", name, "purpose", "Election night"));

        assertThat(changed.status()).isEqualTo(200);
        assertThat(changed.json().get("name").asText()).isEqualTo(name);
        assertThat(changed.json().get("purpose").asText()).isEqualTo("Election night");
        assertThat(changed.json().get("charterVersion").asInt()).as("the charter is unchanged").isEqualTo(1);
    }

    @Test
    void theApiDocumentationDescribesTheCommunityEndpoints() {
        JsonNode paths = fixtures.anonymous().get("/v3/api-docs").json().get("paths");

        assertThat(paths.has("/api/v1/communities")).isTrue();
        assertThat(paths.has("/api/v1/communities/{id}/charter/accept")).isTrue();
        assertThat(paths.has("/api/v1/communities/{id}/members/{organisationId}")).isTrue();
    }
}

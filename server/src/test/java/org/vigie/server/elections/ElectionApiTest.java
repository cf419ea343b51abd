package org.vigie.server.elections;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vigie.server.elections.ElectionFixtures.PATH;
import static org.vigie.server.elections.ElectionFixtures.create;
import static org.vigie.server.elections.ElectionFixtures.election;
import static org.vigie.server.elections.ElectionFixtures.path;
import static org.vigie.server.elections.ElectionFixtures.with;
import static org.vigie.server.elections.ElectionFixtures.without;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.vigie.server.support.Api;
import org.vigie.server.support.Fixtures;
import org.vigie.server.support.VigieTest;

@VigieTest
class ElectionApiTest {

    private static final LocalDate DAY = LocalDate.of(2031, 6, 15);

    @LocalServerPort
    int port;

    Fixtures fixtures;
    UUID organisation;

    @BeforeEach
    void setUp() {
        fixtures = new Fixtures(port);
        organisation = fixtures.organisation("ELECTION_MANAGEMENT_BODY");
    }

    private static JsonNode fieldError(Api.Response response) {
        return response.json().get("errors").get(0);
    }

    private Api administrator() {
        return fixtures.signedIn(fixtures.account(organisation, "ADMINISTRATOR"));
    }

    @Test
    void anOrganisationsAdministratorCreatesAnElectionThatCanBeReadBack() {
        Map<String, Object> election = with(election(Fixtures.unique("Legislative"), "fr", DAY), "type", "legislative");

        Api.Response created = administrator().post(PATH, election);

        assertThat(created.status()).isEqualTo(201);
        String id = created.json().get("id").asText();
        assertThat(created.header("Location")).isEqualTo(PATH + "/" + id);
        JsonNode read = fixtures.signedIn(fixtures.account(organisation, "VIEWER")).get(PATH + "/" + id).json();
        assertThat(read.get("name").asText()).isEqualTo(election.get("name"));
        assertThat(read.get("country").asText()).isEqualTo("FR");
        assertThat(read.get("type").asText()).isEqualTo("LEGISLATIVE");
        assertThat(read.get("electionDay").asText()).isEqualTo("2031-06-15");
        assertThat(read.get("secondRoundDay").asText()).isEqualTo("2031-06-22");
        assertThat(read.get("campaignStarts").asText()).isEqualTo("2031-06-02");
        assertThat(read.get("campaignEnds").asText()).isEqualTo("2031-06-14");
        assertThat(read.get("phase").asText()).isEqualTo("UPCOMING");
    }

    @Test
    void anElectionNeedsOnlyANameACountryATypeAndElectionDay() {
        Map<String, Object> minimal = Map.of("name", Fixtures.unique("Referendum"), "country", "XV", "type", "REFERENDUM",
                "electionDay", DAY.toString());

        JsonNode created = create(fixtures.admin(), minimal);

        assertThat(created.get("secondRoundDay").isNull()).isTrue();
        assertThat(created.get("campaignStarts").isNull()).isTrue();
        assertThat(created.get("campaignEnds").isNull()).isTrue();
        assertThat(created.get("description").asText()).isEmpty();
    }

    @Test
    void everySignedInUserListsElectionsButNobodyElse() {
        JsonNode created = create(fixtures.admin(), election(DAY));
        Api viewer = fixtures.signedIn(fixtures.account(organisation, "VIEWER"));

        assertThat(viewer.get(PATH).json().findValuesAsText("id")).contains(created.get("id").asText());
        assertThat(fixtures.anonymous().get(PATH).status()).isEqualTo(401);
    }

    @Test
    void theListIsFilteredByCountryTypeAndElectionDay() {
        String country = "QZ";
        JsonNode early = create(fixtures.admin(), election(Fixtures.unique("Early"), country, LocalDate.of(2041, 3, 10)));
        JsonNode late = create(fixtures.admin(), election(Fixtures.unique("Late"), country, LocalDate.of(2041, 9, 10)));
        JsonNode referendum = create(fixtures.admin(), with(election(Fixtures.unique("Referendum"), country, LocalDate.of(2041, 9, 20)),
                "type", "REFERENDUM"));
        create(fixtures.admin(), election(Fixtures.unique("Elsewhere"), "XV", LocalDate.of(2041, 9, 10)));

        assertThat(fixtures.admin().get(PATH + "?country=qz&from=2041-01-01&to=2041-12-31").json().findValuesAsText("id"))
                .as("newest election day first").containsExactly(referendum.get("id").asText(), late.get("id").asText(),
                        early.get("id").asText());
        assertThat(fixtures.admin().get(PATH + "?country=QZ&from=2041-09-10&to=2041-09-10").json().findValuesAsText("id"))
                .as("both ends included").containsExactly(late.get("id").asText());
        assertThat(fixtures.admin().get(PATH + "?country=QZ&type=REFERENDUM&from=2041-01-01&to=2041-12-31").json()
                .findValuesAsText("id")).containsExactly(referendum.get("id").asText());
    }

    @Test
    void badFiltersAreRefusedNamingTheParameter() {
        Api.Response type = fixtures.admin().get(PATH + "?type=MAYORAL");
        Api.Response country = fixtures.admin().get(PATH + "?country=Valdoria");
        Api.Response from = fixtures.admin().get(PATH + "?from=13/06/2027");
        Api.Response range = fixtures.admin().get(PATH + "?from=2027-06-13&to=2027-01-01");

        assertThat(type.status()).isEqualTo(400);
        assertThat(fieldError(type).get("field").asText()).isEqualTo("type");
        assertThat(fieldError(type).get("message").asText()).contains("PRESIDENTIAL", "REFERENDUM");
        assertThat(fieldError(country).get("field").asText()).isEqualTo("country");
        assertThat(fieldError(from).get("field").asText()).isEqualTo("from");
        assertThat(fieldError(range).get("field").asText()).isEqualTo("to");
    }

    @Test
    void anUnknownTypeIsRefusedNamingTheFieldAndTheTypesAllowed() {
        Api.Response refused = fixtures.admin().post(PATH, with(election(DAY), "type", "MAYORAL"));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(fieldError(refused).get("field").asText()).isEqualTo("type");
        assertThat(fieldError(refused).get("message").asText())
                .contains("MAYORAL", "PRESIDENTIAL", "LEGISLATIVE", "LOCAL", "EUROPEAN", "REFERENDUM");
    }

    @Test
    void aCampaignThatEndsBeforeItStartsIsRefusedNamingItsEnd() {
        Api.Response refused = fixtures.admin().post(PATH, with(with(election(DAY), "campaignStarts", "2031-06-10"),
                "campaignEnds", "2031-06-01"));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(fieldError(refused).get("field").asText()).isEqualTo("campaignEnds");
        assertThat(fieldError(refused).get("message").asText()).contains("before it starts");
    }

    @Test
    void theDatesMustFollowEachOther() {
        Map<String, Object> election = election(DAY);

        Api.Response campaignAfterVote = fixtures.admin().post(PATH, with(election, "campaignEnds", "2031-06-16"));
        Api.Response halfACampaign = fixtures.admin().post(PATH, without(election, "campaignEnds"));
        Api.Response secondRoundFirst = fixtures.admin().post(PATH, with(election, "secondRoundDay", "2031-06-15"));
        Api.Response notADate = fixtures.admin().post(PATH, with(election, "electionDay", "2031-13-45"));

        assertThat(fieldError(campaignAfterVote).get("field").asText()).isEqualTo("campaignEnds");
        assertThat(fieldError(halfACampaign).get("field").asText()).isEqualTo("campaignEnds");
        assertThat(fieldError(secondRoundFirst).get("field").asText()).isEqualTo("secondRoundDay");
        assertThat(notADate.status()).isEqualTo(400);
        assertThat(fieldError(notADate).get("field").asText()).isEqualTo("electionDay");
    }

    @Test
    void aMissingElectionDayIsRefusedNamingTheField() {
        Api.Response refused = fixtures.admin().post(PATH, without(election(DAY), "electionDay"));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(fieldError(refused).get("field").asText()).isEqualTo("electionDay");
    }

    @Test
    void aCodeThatNamesNoCountryIsRefusedNamingTheField() {
        Api.Response unassigned = fixtures.admin().post(PATH, with(election(DAY), "country", "ZY"));
        Api.Response notACode = fixtures.admin().post(PATH, with(election(DAY), "country", "Valdoria"));

        assertThat(unassigned.status()).isEqualTo(400);
        assertThat(fieldError(unassigned).get("field").asText()).isEqualTo("country");
        assertThat(fieldError(notACode).get("field").asText()).isEqualTo("country");
        assertThat(fieldError(notACode).get("message").asText()).contains("ISO 3166-1");
    }

    @Test
    void aNameIsUniqueInItsCountryRegardlessOfCase() {
        String name = Fixtures.unique("Presidential");
        create(fixtures.admin(), election(name, "XV", DAY));

        Api.Response again = fixtures.admin().post(PATH, election(name.toUpperCase(), "XV", DAY));
        Api.Response elsewhere = fixtures.admin().post(PATH, election(name, "QM", DAY));

        assertThat(again.status()).isEqualTo(409);
        assertThat(fieldError(again).get("field").asText()).isEqualTo("name");
        assertThat(elsewhere.status()).isEqualTo(201);
    }

    @Test
    void aChangeLeavesAbsentFieldsAsTheyAreAndNullRemovesASecondRoundOrTheCampaign() {
        JsonNode created = create(fixtures.admin(), election(DAY));
        Map<String, Object> change = new HashMap<>();
        change.put("description", "Snap election after a dissolution.");
        change.put("secondRoundDay", null);
        change.put("campaignStarts", null);
        change.put("campaignEnds", null);

        Api.Response changed = administrator().patch(path(created), change);

        assertThat(changed.status()).isEqualTo(200);
        JsonNode read = fixtures.admin().get(path(created)).json();
        assertThat(read.get("description").asText()).isEqualTo("Snap election after a dissolution.");
        assertThat(read.get("name").asText()).isEqualTo(created.get("name").asText());
        assertThat(read.get("electionDay").asText()).isEqualTo("2031-06-15");
        assertThat(read.get("secondRoundDay").isNull()).isTrue();
        assertThat(read.get("campaignStarts").isNull()).isTrue();
        assertThat(read.get("updatedAt").asText()).isNotEqualTo(created.get("updatedAt").asText());
    }

    @Test
    void aChangeIsCheckedAgainstTheElectionAsItWouldBecome() {
        JsonNode created = create(fixtures.admin(), election(DAY));

        Api.Response refused = fixtures.admin().patch(path(created), Map.of("electionDay", "2031-06-05"));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(fieldError(refused).get("field").asText()).isEqualTo("campaignEnds");
        assertThat(fixtures.admin().get(path(created)).json().get("electionDay").asText()).isEqualTo("2031-06-15");
    }

    @Test
    void analystsAndViewersMayNeitherCreateNorChangeElections() {
        JsonNode created = create(fixtures.admin(), election(DAY));

        for (String role : new String[] {"ANALYST", "VIEWER"}) {
            Api member = fixtures.signedIn(fixtures.account(organisation, role));
            assertThat(member.post(PATH, election(DAY)).status()).as("%s creates", role).isEqualTo(403);
            assertThat(member.patch(path(created), Map.of("name", "Hijacked")).status()).as("%s changes", role).isEqualTo(403);
        }
        assertThat(fixtures.admin().get(path(created)).json().get("name").asText()).isEqualTo(created.get("name").asText());
    }

    @Test
    void anUnknownOrMalformedIdIsNotFound() {
        assertThat(fixtures.admin().get(PATH + "/" + UUID.randomUUID()).status()).isEqualTo(404);
        assertThat(fixtures.admin().get(PATH + "/not-a-uuid").status()).isEqualTo(404);
        assertThat(fixtures.admin().patch(PATH + "/" + UUID.randomUUID(), Map.of("name", "x")).status()).isEqualTo(404);
        assertThat(fixtures.admin().patch(PATH + "/not-a-uuid", Map.of("name", "x")).status()).isEqualTo(404);
    }

    @Test
    void thePhaseSaysWhereTheElectionStandsToday() {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        JsonNode campaign = create(fixtures.admin(), with(with(election(today.plusDays(3)), "campaignStarts", today.minusDays(3).toString()),
                "campaignEnds", today.plusDays(2).toString()));
        JsonNode votingToday = create(fixtures.admin(), election(today));
        JsonNode past = create(fixtures.admin(), election(today.minusYears(1)));

        assertThat(campaign.get("phase").asText()).isEqualTo("CAMPAIGN");
        assertThat(votingToday.get("phase").asText()).isEqualTo("ELECTION_DAY");
        assertThat(past.get("phase").asText()).isEqualTo("PAST");
    }
}

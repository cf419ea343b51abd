package org.vigie.server.elections;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vigie.server.elections.ElectionFixtures.create;
import static org.vigie.server.elections.ElectionFixtures.election;
import static org.vigie.server.elections.ElectionFixtures.path;
import static org.vigie.server.elections.ElectionFixtures.with;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.vigie.server.support.BrowserSession;
import org.vigie.server.support.Fixtures;
import org.vigie.server.support.VigieTest;

@VigieTest
class ElectionPagesTest {

    @LocalServerPort
    int port;

    Fixtures fixtures;
    UUID organisation;

    @BeforeEach
    void setUp() {
        fixtures = new Fixtures(port);
        organisation = fixtures.organisation("ELECTION_MANAGEMENT_BODY");
    }

    private BrowserSession as(String role) {
        return BrowserSession.signedIn(port, fixtures.account(organisation, role), Fixtures.PASSWORD);
    }

    private BrowserSession as(String role, String language) {
        return BrowserSession.signedIn(port, fixtures.account(organisation, role), Fixtures.PASSWORD, language);
    }

    private static Map<String, String> form(String name, String electionDay, String campaignStarts, String campaignEnds) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("name", name);
        form.put("type", "PRESIDENTIAL");
        form.put("country", "XV");
        form.put("electionDay", electionDay);
        form.put("secondRoundDay", "");
        form.put("campaignStarts", campaignStarts);
        form.put("campaignEnds", campaignEnds);
        form.put("description", "");
        return form;
    }

    @Test
    void aReaderSeesElectionsUnderWayAndUpcomingBeforePastOnesWithWhereEachStands() {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        JsonNode campaigning = create(fixtures.admin(), with(with(election(today.plusDays(5)),
                "campaignStarts", today.minusDays(2).toString()), "campaignEnds", today.plusDays(4).toString()));
        JsonNode past = create(fixtures.admin(), election(today.minusYears(2)));

        BrowserSession.Page list = as("VIEWER").get("/elections");

        assertThat(list.status()).isEqualTo(200);
        String body = list.body();
        assertThat(body.indexOf("id=\"coming-elections\"")).isLessThan(body.indexOf(campaigning.get("name").asText()));
        assertThat(body.indexOf(campaigning.get("name").asText())).isLessThan(body.indexOf("id=\"past-elections\""));
        assertThat(body.indexOf("id=\"past-elections\"")).isLessThan(body.indexOf(past.get("name").asText()));
        assertThat(list.text()).contains("Campaign under way", "Past", "Legislative");
        assertThat(list.tag("new-election")).isNull();
    }

    @Test
    void anElectionsPageShowsItsDatesAndCampaignAndKeepsAPlaceForItsReports() {
        JsonNode created = create(fixtures.admin(), election(Fixtures.unique("Legislative"), "XV", LocalDate.of(2027, 6, 13)));

        BrowserSession.Page page = as("ANALYST").get("/elections/" + created.get("id").asText());

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.text()).contains(created.get("name").asText(), "Legislative", "XV", "Sunday 13 June 2027",
                "Sunday 20 June 2027", "Monday 31 May 2027 to Saturday 12 June 2027", "Renews the national assembly.");
        assertThat(page.tag("election-reports")).isNotNull();
        assertThat(page.tag("edit-election")).isNull();
    }

    @Test
    void onlyThoseWhoManageElectionsSeeTheControlsAndReachTheForms() {
        JsonNode created = create(fixtures.admin(), election(LocalDate.of(2033, 4, 3)));
        String detail = "/elections/" + created.get("id").asText();
        BrowserSession administrator = as("ADMINISTRATOR");
        BrowserSession analyst = as("ANALYST");

        assertThat(administrator.get("/elections").tag("new-election")).isNotNull();
        assertThat(administrator.get(detail).tag("edit-election")).isNotNull();
        assertThat(administrator.get("/elections/new").status()).isEqualTo(200);
        assertThat(analyst.get("/elections").tag("new-election")).isNull();
        assertThat(analyst.get(detail).tag("edit-election")).isNull();
        assertThat(analyst.get("/elections/new").status()).isEqualTo(403);
        assertThat(analyst.get(detail + "/edit").status()).isEqualTo(403);
        assertThat(analyst.submit(detail + "/edit", form("Hijacked", "2033-04-03", "", "")).status()).isEqualTo(403);
    }

    @Test
    void aSavedElectionLeadsToItsPageWithANotice() {
        String name = Fixtures.unique("Presidential");
        BrowserSession administrator = as("ADMINISTRATOR");
        administrator.get("/elections/new");

        BrowserSession.Page saved = administrator.submit("/elections/new", form(name, "2032-04-11", "2032-03-29", "2032-04-09"));

        assertThat(saved.status()).isEqualTo(302);
        assertThat(saved.location()).matches("/elections/[0-9a-f-]{36}");
        BrowserSession.Page page = administrator.follow(saved);
        assertThat(page.text()).contains(name, "Presidential", "The election is saved.", "Monday 29 March 2032 to Friday 9 April 2032");
    }

    @Test
    void anInvalidFormIsShownAgainWithEveryProblemNextToItsField() {
        BrowserSession administrator = as("ADMINISTRATOR");
        administrator.get("/elections/new");
        Map<String, String> form = form("", "", "2032-04-09", "2032-03-29");
        form.put("secondRoundDay", "not a date");

        BrowserSession.Page page = administrator.submit("/elections/new", form);

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body())
                .contains("id=\"name-error\" class=\"field-error\">Give the election a name.</p>")
                .contains("id=\"electionDay-error\" class=\"field-error\">Give election day.</p>")
                .contains("id=\"secondRoundDay-error\" class=\"field-error\">This is not a date")
                .contains("id=\"campaignEnds-error\" class=\"field-error\">The campaign cannot end before it starts.</p>")
                .contains("value=\"2032-04-09\"")
                .containsPattern("<input id=\"campaignEnds\"[^>]*aria-invalid=\"true\"");
    }

    @Test
    void theEditFormChangesTheElectionAndCannotSetWhatIsNotOnIt() {
        JsonNode created = create(fixtures.admin(), election(LocalDate.of(2034, 5, 7)));
        String detail = "/elections/" + created.get("id").asText();
        BrowserSession administrator = as("ADMINISTRATOR");
        assertThat(administrator.get(detail + "/edit").body()).contains("value=\"2034-05-07\"", "value=\"2034-04-24\"");
        Map<String, String> form = form(created.get("name").asText(), "2034-05-14", "", "");
        form.put("id", UUID.randomUUID().toString());
        form.put("createdAt", "2000-01-01T00:00:00Z");

        BrowserSession.Page saved = administrator.submit(detail + "/edit", form);

        assertThat(saved.location()).isEqualTo(detail);
        JsonNode read = fixtures.admin().get(path(created)).json();
        assertThat(read.get("electionDay").asText()).isEqualTo("2034-05-14");
        assertThat(read.get("type").asText()).isEqualTo("PRESIDENTIAL");
        assertThat(read.get("campaignStarts").isNull()).as("emptied, so removed").isTrue();
        assertThat(read.get("createdAt").asText()).isEqualTo(created.get("createdAt").asText());
    }

    @Test
    void inFrenchTheTypesPhasesAndDatesAreFrench() {
        JsonNode created = create(fixtures.admin(), with(election(Fixtures.unique("Européennes"), "XV", LocalDate.of(2029, 6, 10)),
                "type", "EUROPEAN"));
        BrowserSession lecteur = as("VIEWER", "fr");

        BrowserSession.Page list = lecteur.get("/elections");
        BrowserSession.Page page = lecteur.get("/elections/" + created.get("id").asText());

        assertThat(list.text()).contains("Élections", "En cours et à venir", "Européennes", "À venir");
        assertThat(page.text()).contains("Jour du scrutin", "dimanche 10 juin 2029", "Campagne officielle",
                "du lundi 28 mai 2029 au samedi 9 juin 2029");
        assertThat(lecteur.get("/").text()).contains("Élections");
    }

    @Test
    void anUnknownOrMalformedElectionAddressIsNotFound() {
        BrowserSession viewer = as("VIEWER");

        assertThat(viewer.get("/elections/" + UUID.randomUUID()).status()).isEqualTo(404);
        assertThat(viewer.get("/elections/not-a-uuid").status()).isEqualTo(404);
        assertThat(viewer.get("/elections/not-a-uuid/edit").status()).isEqualTo(404);
    }
}

package org.vigie.server.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.vigie.server.support.Api;
import org.vigie.server.support.BrowserSession;
import org.vigie.server.support.Fixtures;
import org.vigie.server.support.VigieTest;

@VigieTest
class ReportPagesTest {

    @LocalServerPort
    int port;

    Fixtures fixtures;
    UUID commission;
    String analyst;
    Api reporter;

    @BeforeEach
    void setUp() {
        fixtures = new Fixtures(port);
        commission = fixtures.organisation("ELECTION_MANAGEMENT_BODY");
        analyst = fixtures.account(commission, "ANALYST");
        reporter = fixtures.signedIn(analyst);
    }

    BrowserSession browser(String username) {
        return BrowserSession.signedIn(port, username, Fixtures.PASSWORD);
    }

    @Test
    void theFormFilesAReportAndShowsItsPage() {
        BrowserSession session = browser(analyst);
        assertThat(session.get("/reports/new").status()).isEqualTo(200);

        BrowserSession.Page filed = session.submitFields("/reports",
                "title", "Fake results page on election night",
                "types", "defacement", "types", "disinformation-narrative",
                "outcome", "successful",
                "summary", "A **copy** of the results site.",
                "disarmTechniques", "T0085",
                "observablesText", "https://results-valdoria.com/live\n198.51.100.44",
                "viginum[0].criterion", "artificial-spread", "viginum[0].met", "true", "viginum[0].justification", "bots",
                "targets[0].category", "ELECTION_MANAGEMENT_BODY", "targets[0].organisationId", commission.toString(),
                "tlp", "GREEN");

        assertThat(filed.status()).as(filed.body()).isEqualTo(302);
        BrowserSession.Page page = session.follow(filed);
        assertThat(page.text()).contains("Fake results page on election night", "Defacement", "Successful", "T0085",
                "https://results-valdoria.com/live", "198.51.100.44", "Artificial or automated");
        assertThat(page.body()).contains("<strong>copy</strong>");
    }

    @Test
    void aLineThatIsNotAnObservableIsFlaggedWithItsNumberAndNothingIsStored() {
        BrowserSession session = browser(analyst);
        session.get("/reports/new");

        BrowserSession.Page refused = session.submitFields("/reports", "title", "Typo", "types", "phishing", "tlp", "CLEAR",
                "observablesText", "results-valdoria.com\n999.1.1.1");

        assertThat(refused.status()).isEqualTo(200);
        assertThat(refused.text()).contains("line 2", "999.1.1.1");
        assertThat(refused.body()).contains("Typo"); // what was typed is kept
    }

    @Test
    void aSummaryWithScriptAndJavascriptLinksIsRenderedInert() {
        Map<String, Object> report = ReportApiTest.report("XSS attempt", "CLEAR", List.of());
        report.put("summary", "<script>alert('x')</script>\n\n[click](javascript:alert(1)), [again](JaVaScRiPt:alert(5)),"
                + " <img src=x onerror=alert(2)> and [ok](https://valdoria.example/)");
        String id = reporter.post("/api/v1/reports", report).json().get("id").asText();
        reporter.post("/api/v1/reports/" + id + "/comments", Map.of("text", "<script>alert(3)</script>[c](javascript:alert(4))", "tlp", "CLEAR"));

        String html = browser(analyst).get("/reports/" + id).body();

        assertThat(html).doesNotContain("<script>alert", "href=\"javascript", "href=\"JaVaScRiPt", "<img");
        assertThat(html).contains("href=\"https://valdoria.example/\"", "&lt;script&gt;");
    }

    @Test
    void theVictimViewListsIncidentsTargetingMyOrganisationIncludingAttempts() {
        Map<String, Object> report = ReportApiTest.report("Credential phishing against the commission", "CLEAR", List.of());
        report.put("targets", List.of(Map.of("category", "ELECTION_MANAGEMENT_BODY", "organisationId", commission.toString())));
        String other = fixtures.account(fixtures.organisation("GOVERNMENT_AGENCY"), "ANALYST");
        assertThat(fixtures.signedIn(other).post("/api/v1/reports", report).status()).isEqualTo(201);

        BrowserSession.Page page = browser(analyst).get("/reports/targeting-us");

        assertThat(page.text()).contains("Credential phishing against the commission", "Attempted");
    }

    @Test
    void theSearchPageFindsReportsInFrench() {
        String word = "zorglub" + UUID.randomUUID().toString().substring(0, 6).replaceAll("[0-9-]", "x");
        reporter.post("/api/v1/reports", ReportApiTest.report("Campagne " + word + " contre les assesseurs", "CLEAR", List.of()));

        BrowserSession session = BrowserSession.signedIn(port, analyst, Fixtures.PASSWORD, "fr");
        BrowserSession.Page page = session.get("/reports?q=" + word);

        assertThat(page.text()).contains("Campagne " + word, "Signalements", "Tentative (bloquée)");
    }

    @Test
    void anEditOfAVersionReplacedMeanwhileShowsTheConflictAndKeepsWhatWasTyped() {
        String id = reporter.post("/api/v1/reports", ReportApiTest.report("Before the race", "CLEAR", List.of())).json().get("id").asText();
        BrowserSession session = browser(analyst);
        BrowserSession.Page form = session.get("/reports/" + id + "/edit");
        String base = form.body().replaceAll("(?s).*name=\"baseModified\" value=\"([^\"]+)\".*", "$1");
        String colleague = fixtures.account(commission, "ANALYST");
        Map<String, Object> theirs = ReportApiTest.with(ReportApiTest.report("Their edit", "CLEAR", List.of()), "baseModified", base);
        assertThat(fixtures.signedIn(colleague).put("/api/v1/reports/" + id, theirs).status()).isEqualTo(200);

        BrowserSession.Page conflict = session.submitFields("/reports/" + id + "/edit", "title", "My edit", "types", "phishing",
                "baseModified", base);

        assertThat(conflict.status()).isEqualTo(200);
        assertThat(conflict.text()).contains("Someone changed this report", "Their edit");
        assertThat(conflict.body()).contains("value=\"My edit\"");
    }

    @Test
    void theFormOffersTheDisarmPickerAndTheFrenchLabels() {
        BrowserSession session = BrowserSession.signedIn(port, analyst, Fixtures.PASSWORD, "fr");
        BrowserSession.Page form = session.get("/reports/new");

        assertThat(form.text()).contains("Signaler un incident", "Techniques DISARM", "Critères VIGINUM", "Hameçonnage");
        assertThat(session.get("/reports/techniques?q=T0085").body()).contains("T0085");
    }
}

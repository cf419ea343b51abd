package org.vigie.server.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vigie.server.support.ReportFiling.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.vigie.server.support.Api;
import org.vigie.server.support.BrowserSession;
import org.vigie.server.support.Fixtures;
import org.vigie.server.support.ReportFiling;
import org.vigie.server.support.VigieTest;

@VigieTest
class ElectionOverviewTest {

    @LocalServerPort
    int port;

    Fixtures fixtures;
    UUID election;
    UUID commission;
    UUID agency;
    Api reporter;
    Api agencyAnalyst;
    Api outsider;
    String outsiderName;

    @BeforeEach
    void setUp() {
        fixtures = new Fixtures(port);
        election = ReportFiling.election(fixtures);
        commission = fixtures.organisation("ELECTION_MANAGEMENT_BODY");
        agency = fixtures.organisation("GOVERNMENT_AGENCY");
        reporter = fixtures.signedIn(fixtures.account(commission, "ANALYST"));
        agencyAnalyst = fixtures.signedIn(fixtures.account(agency, "ANALYST"));
        outsiderName = fixtures.account(fixtures.organisation("MEDIA"), "ANALYST");
        outsider = fixtures.signedIn(outsiderName);
    }

    JsonNode overview(Api who) {
        Api.Response answer = who.get("/api/v1/elections/" + election + "/overview");
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        return answer.json();
    }

    @Test
    void countsTheElectionsReportsByOutcomePhaseTypeTechniqueAndTarget() {
        report("Fake polling-station SMS", election, "https://vote-moved.example/where")
                .with("targets", List.of(Map.of("category", "VOTERS"))).fileAs(reporter);
        report("Commission site defaced", election)
                .with("outcome", "SUCCESSFUL").with("phase", "VOTING").with("types", List.of("DEFACEMENT"))
                .with("firstSeen", "2026-11-15T07:00:00Z").with("disarmTechniques", List.of("T0085", "T0086"))
                .with("targets", List.of(Map.of("category", "ELECTION_MANAGEMENT_BODY", "organisationId", commission.toString())))
                .fileAs(reporter);
        report("Another election's report", ReportFiling.election(fixtures)).fileAs(reporter);

        JsonNode overview = overview(outsider);

        assertThat(overview.get("reports").asLong()).isEqualTo(2);
        assertThat(overview.get("outcomes").get("ATTEMPTED").asLong()).isEqualTo(1);
        assertThat(overview.get("outcomes").get("SUCCESSFUL").asLong()).isEqualTo(1);
        assertThat(overview.get("outcomes").get("UNKNOWN").asLong()).isZero();
        assertThat(overview.get("interval").asText()).isEqualTo("day");
        assertThat(overview.get("byPhase").findValues("CAMPAIGN")).extracting(JsonNode::asLong).containsExactly(1L);
        assertThat(overview.get("byPhase").findValues("VOTING")).extracting(JsonNode::asLong).containsExactly(1L);
        assertThat(overview.get("byType").findValues("DEFACEMENT")).extracting(JsonNode::asLong).containsExactly(1L);
        assertThat(count(overview.get("techniques"), "id", "T0085")).isEqualTo(2);
        assertThat(count(overview.get("techniques"), "id", "T0086")).isEqualTo(1);
        assertThat(count(overview.get("targetCategories"), "key", "VOTERS")).isEqualTo(1);
        assertThat(count(overview.get("targetOrganisations"), "id", commission.toString())).isEqualTo(1);
    }

    @Test
    void aReportTheReaderMayNotSeeChangesNoTotalNoHeatMapCellAndNoCluster() {
        String first = report("Phishing kit A", election, "https://kit.valdoria.example/login").fileAs(reporter);
        String second = report("Phishing kit B", election, "https://kit.valdoria.example/login")
                .with("outcome", "SUCCESSFUL").fileAs(reporter);
        JsonNode before = overview(outsider);
        String beforePage = BrowserSession.signedIn(port, outsiderName, Fixtures.PASSWORD, "en").get("/elections/" + election + "/overview").body();
        assertThat(before.get("clusters").get("clusters").get(0).get("reportIds")).hasSize(2);

        // the agency's own reports, in the same election, sharing the same kit: AMBER to no one else, and RED to one of its people
        String amber = report("Agency-only: the kit's operator", election, "https://kit.valdoria.example/login")
                .with("tlp", "AMBER").with("outcome", "SUCCESSFUL").with("phase", "VOTING").with("types", List.of("INTRUSION"))
                .with("disarmTechniques", List.of("T0086")).with("firstSeen", "2026-01-02T00:00:00Z")
                .with("targets", List.of(Map.of("category", "CANDIDATE", "organisationId", agency.toString())))
                .fileAs(agencyAnalyst);
        report("Red: named source", election, "https://kit.valdoria.example/login", "198.51.100.77")
                .with("tlp", "RED").with("outcome", "UNKNOWN").with("disarmTechniques", List.of("T0086")).fileAs(agencyAnalyst);

        JsonNode after = overview(outsider);
        assertThat(after).isEqualTo(before);
        String afterPage = BrowserSession.signedIn(port, outsiderName, Fixtures.PASSWORD, "en").get("/elections/" + election + "/overview").body();
        assertThat(afterPage).doesNotContain(amber, "Agency-only", "T0086", "Red: named source");
        assertThat(stripTokens(afterPage)).isEqualTo(stripTokens(beforePage)); // the pages differ in their CSRF tokens only

        // the agency sees its own reports counted: the test would prove nothing if they were never counted at all
        JsonNode agencyView = overview(agencyAnalyst);
        assertThat(agencyView.get("reports").asLong()).isEqualTo(4);
        assertThat(count(agencyView.get("techniques"), "id", "T0086")).isEqualTo(2);
        assertThat(agencyView.get("clusters").get("clusters").get(0).get("reportIds")).hasSize(4)
                .extracting(JsonNode::asText).contains(first, second, amber);
    }

    private static String stripTokens(String html) {
        return html.replaceAll("content=\"[A-Za-z0-9_\\-]{20,}\"", "").replaceAll("value=\"[A-Za-z0-9_\\-]{20,}\"", "");
    }

    @Test
    void clustersLinkByObservablesNotByTechniquesAndOfferToBecomeACampaign() {
        String a = report("Kit A", election, "https://cluster-kit.example/a").fileAs(reporter);
        String b = report("Kit B", election, "https://cluster-kit.example/a").fileAs(reporter);
        String lone = report("Same technique only", election, "https://unrelated.example/x").fileAs(reporter);

        JsonNode clusters = overview(outsider).get("clusters").get("clusters");

        assertThat(clusters).hasSize(1);
        assertThat(clusters.get(0).get("reportIds")).extracting(JsonNode::asText).containsExactlyInAnyOrder(a, b);
        assertThat(clusters.get(0).get("links").findValuesAsText("value")).anyMatch(v -> v.contains("cluster-kit.example"));
        assertThat(clusters.get(0).toString()).doesNotContain(lone, "T0085");

        String page = BrowserSession.signedIn(port, fixtures.account(commission, "ANALYST"), Fixtures.PASSWORD, "en")
                .get("/elections/" + election + "/overview").body();
        assertThat(page).contains("/campaigns/new?election=" + election + "&amp;seed=");
    }

    @Test
    void thePageDrawsItsChartsAsSvgWithTablesInEnglishAndFrench() {
        report("Bot network", election, "https://bots.valdoria.example/").with("types", List.of("COORDINATED_INAUTHENTIC_BEHAVIOUR")).fileAs(reporter);

        BrowserSession.Page english = BrowserSession.signedIn(port, outsiderName, Fixtures.PASSWORD, "en")
                .get("/elections/" + election + "/overview");
        BrowserSession.Page french = BrowserSession.signedIn(port, outsiderName, Fixtures.PASSWORD, "fr")
                .get("/elections/" + election + "/overview");

        assertThat(english.status()).isEqualTo(200);
        assertThat(english.body()).contains("<svg", "role=\"img\"", "aria-labelledby=\"chart-phases-title\"", "<title", "<details",
                "class=\"series-5\"", "heat heat-5", "data-technique=\"T0085\"",
                "/reports?election=" + election + "&amp;technique=T0085");
        assertThat(english.text()).contains("Does it add up?", "Reports over time, by cycle phase", "DISARM techniques seen",
                "Targets most hit", "Largest correlation clusters", "Coordinated inauthentic behaviour");
        assertThat(english.body()).doesNotContain(" style=", "<script>");
        assertThat(french.text()).contains("Le compte est-il bon ?", "Signalements dans le temps, par phase du cycle",
                "Techniques DISARM relevées", "Cibles les plus touchées");
    }

    @Test
    void anElectionWithoutReportsSaysSo() {
        JsonNode overview = overview(outsider);
        assertThat(overview.get("reports").asLong()).isZero();
        assertThat(overview.get("byPhase")).isEmpty();

        BrowserSession session = BrowserSession.signedIn(port, outsiderName, Fixtures.PASSWORD, "en");
        BrowserSession.Page page = session.get("/elections/" + election + "/overview");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.text()).contains("No report yet for this election");

        BrowserSession.Page detail = session.get("/elections/" + election);
        assertThat(detail.body()).contains("href=\"/elections/" + election + "/overview\"");
        assertThat(session.get("/reports?election=" + election).body()).contains("href=\"/elections/" + election + "/overview\"");
        assertThat(session.get("/elections/" + UUID.randomUUID() + "/overview").status()).isEqualTo(404);
    }

    private static long count(JsonNode list, String field, String value) {
        for (JsonNode item : list) {
            if (item.get(field).asText().equals(value)) {
                return item.get("reports").asLong();
            }
        }
        return 0;
    }
}

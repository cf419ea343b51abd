package org.vigie.server.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.vigie.server.support.Api;
import org.vigie.server.support.Fixtures;
import org.vigie.server.support.ReportFiling;
import org.vigie.server.support.VigieTest;

/**
 * A group becomes an incident report in one request, through the reports service: its accounts are
 * social-account observables (STIX user-account), its shared links url observables, DISARM T0049 is
 * suggested, the summary cites the run, and the report is correlated with an earlier one on the same link.
 */
@VigieTest
class GroupReportTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aReportFromAGroupCarriesItsAccountsLinksAndTechniqueAndIsCorrelated() throws Exception {
        Fixtures fixtures = new Fixtures(port);
        UUID organisation = fixtures.organisation("GOVERNMENT_AGENCY");
        Api analyst = fixtures.signedIn(fixtures.account(organisation, "ANALYST"));
        String prefix = "r" + UUID.randomUUID().toString().substring(0, 6);
        String link = PlantedPosts.links(prefix).get(2);
        String earlier = ReportFiling.report("Earlier sighting of the story", null, link).fileAs(analyst);

        String run = analyst.postFile("/api/v1/monitoring/runs?type=co-link", "file", "posts.csv", "text/csv",
                PlantedPosts.csv(prefix, 6, 30)).json().get("id").asText();
        assertThat(PlantedPosts.awaitEnd(analyst, run).json().get("state").asText()).isEqualTo("SUCCEEDED");

        Api.Response filed = analyst.post("/api/v1/monitoring/runs/" + run + "/groups/0/report", Map.of("tlp", "GREEN"));
        assertThat(filed.status()).as(filed.toString()).isEqualTo(201);
        String report = filed.json().get("id").asText();
        assertThat(filed.header("Location")).isEqualTo("/api/v1/reports/" + report);

        JsonNode stored = analyst.get("/api/v1/reports/" + report).json();
        assertThat(stored.get("tlp").asText()).isEqualTo("GREEN");
        JsonNode content = stored.get("content");
        List<String> observables = new ArrayList<>();
        content.get("observables").forEach(o -> observables.add(o.get("type").asText() + " " + o.get("normalised").asText()));
        List<String> expected = new ArrayList<>(PlantedPosts.planted(prefix, 6).stream().map(a -> "social-account x:" + a).toList());
        expected.addAll(PlantedPosts.links(prefix).stream().map(l -> "url " + l).toList());
        assertThat(observables).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(content.get("disarmTechniques").toString()).contains(GroupReports.FLOODING);
        assertThat(content.get("types").toString()).contains("COORDINATED_INAUTHENTIC_BEHAVIOUR");
        assertThat(content.get("summary").asText()).contains(run, "group 0", "6 accounts");

        JsonNode related = analyst.get("/api/v1/reports/" + report + "/related").json();
        assertThat(related.findValuesAsText("id")).contains(earlier);

        assertThat(jdbc.sql("SELECT details FROM audit_log WHERE action = 'monitoring.report.created' AND target_id = :run")
                .param("run", run).query(String.class).single()).contains(report);
    }

    @Test
    void theAnalystChoosesThePlatformOfAccountsTheDatasetGivesNoneFor() throws Exception {
        Fixtures fixtures = new Fixtures(port);
        Api analyst = fixtures.signedIn(fixtures.account(fixtures.organisation("GOVERNMENT_AGENCY"), "ANALYST"));
        String prefix = "n" + UUID.randomUUID().toString().substring(0, 6);
        byte[] withoutPlatform = new String(PlantedPosts.csv(prefix, 5, 10), java.nio.charset.StandardCharsets.UTF_8)
                .replace(",twitter,", ",,").getBytes(java.nio.charset.StandardCharsets.UTF_8);
        String run = analyst.postFile("/api/v1/monitoring/runs?type=co-link", "file", "posts.csv", "text/csv", withoutPlatform)
                .json().get("id").asText();
        assertThat(PlantedPosts.awaitEnd(analyst, run).json().get("state").asText()).isEqualTo("SUCCEEDED");

        Api.Response filed = analyst.post("/api/v1/monitoring/runs/" + run + "/groups/0/report",
                Map.of("platform", "telegram", "suggestTechnique", false, "title", "Telegram relay channels"));
        assertThat(filed.status()).as(filed.toString()).isEqualTo(201);
        assertThat(filed.json().get("observables").toString()).contains("telegram:" + prefix.toLowerCase() + "coord0");
        assertThat(filed.json().get("disarmTechniques")).isEmpty();
        assertThat(filed.json().get("title").asText()).isEqualTo("Telegram relay channels");
    }
}

package org.vigie.server.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.vigie.server.support.Api;
import org.vigie.server.support.Fixtures;
import org.vigie.server.support.VigieTest;

@VigieTest
class MonitoringApiTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    Fixtures fixtures;
    Api analyst;

    @BeforeEach
    void setUp() {
        fixtures = new Fixtures(port);
        analyst = fixtures.signedIn(fixtures.account(fixtures.organisation("GOVERNMENT_AGENCY"), "ANALYST"));
    }

    private String start(Api who, String query, byte[] csv) {
        Api.Response started = who.postFile("/api/v1/monitoring/runs" + query, "file", "posts.csv", "text/csv", csv);
        assertThat(started.status()).as(started.toString()).isEqualTo(202);
        assertThat(started.header("Location")).startsWith("/api/v1/monitoring/runs/");
        return started.json().get("id").asText();
    }

    @Test
    void aRunOnASmallDatasetFindsThePlantedGroupAndStoresIt() throws Exception {
        String prefix = "g" + UUID.randomUUID().toString().substring(0, 6);
        String run = start(analyst, "?window=60&type=co-link&type=co-text", PlantedPosts.csv(prefix, 8, 60));

        JsonNode finished = PlantedPosts.awaitEnd(analyst, run).json();
        assertThat(finished.get("state").asText()).as(finished.toString()).isEqualTo("SUCCEEDED");
        assertThat(finished.get("formatRead").asText()).isEqualTo("vigie-csv");
        assertThat(finished.at("/summary/posts").asLong()).isEqualTo(PlantedPosts.posts(8, 60));
        assertThat(finished.at("/settings/types").toString()).contains("co-link", "co-text").doesNotContain("co-hashtag");

        JsonNode groups = analyst.get("/api/v1/monitoring/runs/" + run + "/groups").json().get("groups");
        assertThat(groups).hasSize(1);
        JsonNode group = analyst.get("/api/v1/monitoring/runs/" + run + "/groups/0").json();
        List<String> members = new ArrayList<>();
        group.get("members").forEach(m -> members.add(m.get("accountId").asText()));
        assertThat(members).containsExactlyInAnyOrderElementsOf(PlantedPosts.planted(prefix, 8));
        assertThat(group.get("platforms").toString()).contains("twitter");
        assertThat(group.get("topObjects").toString()).contains(PlantedPosts.links(prefix).get(0).replace("https://", ""));
        assertThat(group.get("evidence")).isNotEmpty();

        JsonNode network = analyst.get("/api/v1/monitoring/runs/" + run + "/network").json();
        assertThat(network.get("nodes")).hasSize(8);
        assertThat(network.get("edges")).hasSize(8 * 7 / 2);
        assertThat(network.get("truncated").asBoolean()).isFalse();
    }

    @Test
    void theNetworkOfAHugeGroupIsCutToTheHeaviestEdgesAndSaysSo() throws Exception {
        String run = start(analyst, "?type=co-link", PlantedPosts.csv("h" + UUID.randomUUID().toString().substring(0, 6), 90, 300));
        assertThat(PlantedPosts.awaitEnd(analyst, run).json().get("state").asText()).isEqualTo("SUCCEEDED");

        JsonNode network = analyst.get("/api/v1/monitoring/runs/" + run + "/network").json();
        assertThat(network.get("groupEdges").asLong()).isEqualTo(90 * 89 / 2);
        assertThat(network.get("edges")).hasSize(MonitoringRuns.GRAPH_EDGES);
        assertThat(network.get("truncated").asBoolean()).isTrue();
    }

    @Test
    void startingAndEndingARunAreAudited() throws Exception {
        String run = start(analyst, "", PlantedPosts.csv("a" + UUID.randomUUID().toString().substring(0, 6), 5, 10));
        PlantedPosts.awaitEnd(analyst, run);
        List<String> actions = jdbc.sql("SELECT action FROM audit_log WHERE target_id = :run ORDER BY sequence").param("run", run)
                .query(String.class).list();
        assertThat(actions).containsExactly("monitoring.run.started", "monitoring.run.finished");
    }

    @Test
    void aCancelledRunStopsAndStoresNothing() throws Exception {
        StringBuilder big = new StringBuilder(PlantedPosts.HEADER);
        for (int i = 0; i < 300_000; i++) {
            big.append("p").append(i).append(",acct").append(i % 5000).append(",n,twitter,").append(PlantedPosts.START + i)
                    .append(",\"some words for post ").append(i).append("\",https://example.org/").append(i % 20_000).append(",tag").append(i % 50)
                    .append('\n');
        }
        String run = start(analyst, "", big.toString().getBytes(StandardCharsets.UTF_8));

        Api.Response cancelled = analyst.post("/api/v1/monitoring/runs/" + run + "/cancel", "");
        assertThat(cancelled.status()).as(cancelled.toString()).isEqualTo(202);
        assertThat(cancelled.json().get("cancelRequested").asBoolean()).isTrue();

        JsonNode ended = PlantedPosts.awaitEnd(analyst, run).json();
        assertThat(ended.get("state").asText()).isEqualTo("CANCELLED");
        assertThat(ended.get("error").asText()).contains("Nothing was stored");
        assertThat(jdbc.sql("SELECT count(*) FROM monitoring_accounts WHERE run_id = CAST(:run AS uuid)").param("run", run)
                .query(Long.class).single()).isZero();
        assertThat(analyst.post("/api/v1/monitoring/runs/" + run + "/cancel", "").status()).as("already ended").isEqualTo(409);
        assertThat(jdbc.sql("SELECT action FROM audit_log WHERE target_id = :run ORDER BY sequence").param("run", run)
                .query(String.class).list()).contains("monitoring.run.cancel-requested", "monitoring.run.cancelled");
    }

    @Test
    void aFileWithoutTheRequiredColumnsFailsNamingThem() throws Exception {
        String run = start(analyst, "?format=vigie-csv", "post_id,timestamp,text\n1,1630000000,hello\n".getBytes(StandardCharsets.UTF_8));

        JsonNode ended = PlantedPosts.awaitEnd(analyst, run).json();
        assertThat(ended.get("state").asText()).isEqualTo("FAILED");
        assertThat(ended.get("error").asText()).contains("missing required column", "account_id").doesNotContain("Exception");
    }

    @Test
    void tooManyBadRowsFailWithTheirLineNumbers() throws Exception {
        StringBuilder csv = new StringBuilder(PlantedPosts.HEADER);
        for (int i = 0; i < 20; i++) {
            csv.append("p").append(i).append(",acct").append(i).append(",n,twitter,").append(i % 2 == 0 ? "not-a-time" : "1630000000")
                    .append(",text,,\n");
        }
        String run = start(analyst, "?maxErrors=2", csv.toString().getBytes(StandardCharsets.UTF_8));

        JsonNode ended = PlantedPosts.awaitEnd(analyst, run).json();
        assertThat(ended.get("state").asText()).isEqualTo("FAILED");
        assertThat(ended.get("error").asText()).contains("Too many rows could not be read");
        assertThat(ended.get("rowErrors").get(0).get("line").asLong()).isEqualTo(2);
        assertThat(ended.get("rowErrors").get(0).get("reason").asText()).isNotBlank();
    }

    @Test
    void badChoicesAreRefusedNamingTheField() {
        for (String[] bad : new String[][] {{"window=soon", "window"}, {"type=co-telepathy", "types"}, {"format=excel", "format"},
                {"tlp=PURPLE", "tlp"}, {"maxErrors=lots", "maxErrors"}}) {
            Api.Response refused = analyst.postFile("/api/v1/monitoring/runs?" + bad[0], "file", "posts.csv", "text/csv",
                    PlantedPosts.csv("b", 3, 3));
            assertThat(refused.status()).as(bad[0]).isEqualTo(400);
            assertThat(refused.json().at("/errors/0/field").asText()).as(bad[0]).isEqualTo(bad[1]);
        }
        Api.Response nothing = analyst.post("/api/v1/monitoring/runs", "");
        assertThat(nothing.status()).isIn(400, 415);
    }

    @Test
    void anEmptyUploadIsRefused() {
        Api.Response refused = analyst.postFile("/api/v1/monitoring/runs", "file", "posts.csv", "text/csv", new byte[0]);
        assertThat(refused.status()).isEqualTo(400);
    }

    @Test
    void aServerFileOutsideTheDatasetsDirectoryIsRefused() {
        for (String name : new String[] {"../../etc/passwd", "/etc/passwd", "nowhere.csv"}) {
            Api.Response refused = analyst.postFile("/api/v1/monitoring/runs?serverFile=" + java.net.URLEncoder.encode(name, StandardCharsets.UTF_8),
                    "nothing", "x.txt", "text/plain", new byte[0]);
            assertThat(refused.status()).as(name).isEqualTo(400);
            assertThat(refused.json().at("/errors/0/field").asText()).isEqualTo("serverFile");
        }
    }

    @Test
    void viewersOfAnOrganisationMayNotStartRuns() {
        Api viewer = fixtures.signedIn(fixtures.account(fixtures.organisation("MEDIA"), "VIEWER"));
        Api.Response refused = viewer.postFile("/api/v1/monitoring/runs", "file", "posts.csv", "text/csv", PlantedPosts.csv("v", 3, 3));
        assertThat(refused.status()).isEqualTo(403);
    }
}

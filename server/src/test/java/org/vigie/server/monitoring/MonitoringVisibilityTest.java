package org.vigie.server.monitoring;

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

/**
 * A run is shared like any object: its owner organisation always sees it, TLP:CLEAR everyone signed in,
 * AMBER the organisations it names, GREEN also the communities it names, and nobody else. Another organisation trying every read path (the run, its groups, a group,
 * the network JSON of the API and of the page, the pages, the report from a group, cancel) finds nothing.
 */
@VigieTest
class MonitoringVisibilityTest {

    @LocalServerPort
    int port;

    Fixtures fixtures;
    Api owner;
    Api ownerViewer;
    String outsider;
    Api outsiderApi;

    @BeforeEach
    void setUp() {
        fixtures = new Fixtures(port);
        UUID organisation = fixtures.organisation("ELECTION_MANAGEMENT_BODY");
        owner = fixtures.signedIn(fixtures.account(organisation, "ANALYST"));
        ownerViewer = fixtures.signedIn(fixtures.account(organisation, "VIEWER"));
        outsider = fixtures.account(fixtures.organisation("MEDIA"), "ANALYST");
        outsiderApi = fixtures.signedIn(outsider);
    }

    private String finishedRun(String tlp) throws InterruptedException {
        Api.Response started = owner.postFile("/api/v1/monitoring/runs?type=co-link&tlp=" + tlp, "file", "posts.csv", "text/csv",
                PlantedPosts.csv("v" + UUID.randomUUID().toString().substring(0, 6), 6, 20));
        String run = started.json().get("id").asText();
        assertThat(PlantedPosts.awaitEnd(owner, run).json().get("state").asText()).isEqualTo("SUCCEEDED");
        return run;
    }

    private static List<String> readPaths(String run) {
        String api = "/api/v1/monitoring/runs/" + run;
        return List.of(api, api + "/groups", api + "/groups/0", api + "/network", api + "/network?group=0");
    }

    @Test
    void anotherOrganisationFindsNothingOfAnAmberRun() throws Exception {
        String run = finishedRun("AMBER");

        for (String path : readPaths(run)) {
            assertThat(owner.get(path).status()).as("owner reads " + path).isEqualTo(200);
            assertThat(ownerViewer.get(path).status()).as("a viewer of the owner reads " + path).isEqualTo(200);
            Api.Response hidden = outsiderApi.get(path);
            assertThat(hidden.status()).as("outsider reads " + path).isEqualTo(404);
            assertThat(hidden.body()).doesNotContain("coord");
        }
        assertThat(outsiderApi.post("/api/v1/monitoring/runs/" + run + "/groups/0/report", Map.of()).status()).isEqualTo(404);
        assertThat(outsiderApi.post("/api/v1/monitoring/runs/" + run + "/cancel", "").status()).isEqualTo(404);
        assertThat(outsiderApi.get("/api/v1/monitoring/runs").body()).doesNotContain(run);
        assertThat(owner.get("/api/v1/monitoring/runs").body()).contains(run);
    }

    @Test
    void anotherOrganisationFindsNoneOfTheRunsPages() throws Exception {
        String run = finishedRun("AMBER");
        BrowserSession browser = BrowserSession.signedIn(port, outsider, Fixtures.PASSWORD);
        String page = "/monitoring/runs/" + run;
        for (String path : List.of(page, page + "/status", page + "/network", page + "/network.json", page + "/groups/0",
                page + "/groups/0/report")) {
            assertThat(browser.get(path).status()).as(path).isEqualTo(404);
        }
        assertThat(browser.get("/monitoring").body()).doesNotContain(run);
    }

    @Test
    void aClearRunIsReadByEveryoneButCancelledOrReportedOnlyByThoseWhoMay() throws Exception {
        String run = finishedRun("CLEAR");

        for (String path : readPaths(run)) {
            assertThat(outsiderApi.get(path).status()).as("outsider reads " + path).isEqualTo(200);
        }
        assertThat(outsiderApi.get("/api/v1/monitoring/runs").body()).contains(run);
        assertThat(ownerViewer.post("/api/v1/monitoring/runs/" + run + "/groups/0/report", Map.of()).status())
                .as("viewers file no report").isEqualTo(403);
    }

    @Test
    void anAmberRunNamedToAnOrganisationIsReadByItAndNoOtherOne() throws Exception {
        UUID recipient = fixtures.organisation("GOVERNMENT_AGENCY");
        Api recipientAnalyst = fixtures.signedIn(fixtures.account(recipient, "ANALYST"));
        Api.Response started = owner.postFile("/api/v1/monitoring/runs?type=co-link&tlp=AMBER&organisation=" + recipient, "file", "posts.csv",
                "text/csv", PlantedPosts.csv("o" + UUID.randomUUID().toString().substring(0, 6), 5, 10));
        String run = started.json().get("id").asText();
        assertThat(PlantedPosts.awaitEnd(owner, run).json().get("state").asText()).isEqualTo("SUCCEEDED");

        for (String path : readPaths(run)) {
            assertThat(recipientAnalyst.get(path).status()).as("recipient reads " + path).isEqualTo(200);
            assertThat(outsiderApi.get(path).status()).as("outsider reads " + path).isEqualTo(404);
        }
        assertThat(recipientAnalyst.post("/api/v1/monitoring/runs/" + run + "/cancel", "").status()).as("only the owner cancels")
                .isIn(403, 409);
    }

    @Test
    void aRunIsSharedOnlyInCommunitiesTheOrganisationIsActiveIn() {
        Api.Response refused = owner.postFile("/api/v1/monitoring/runs?tlp=GREEN&community=" + UUID.randomUUID(), "file", "posts.csv",
                "text/csv", PlantedPosts.csv("c", 3, 3));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().at("/errors/0/field").asText()).isEqualTo("communities");
        Api.Response unknown = owner.postFile("/api/v1/monitoring/runs?tlp=AMBER&organisation=" + UUID.randomUUID(), "file", "posts.csv",
                "text/csv", PlantedPosts.csv("c", 3, 3));
        assertThat(unknown.json().at("/errors/0/field").asText()).isEqualTo("organisations");
    }

    @Test
    void outsidersMayNotCancelAVisibleRun() throws Exception {
        StringBuilder big = new StringBuilder(PlantedPosts.HEADER);
        for (int i = 0; i < 200_000; i++) {
            big.append("p").append(i).append(",acct").append(i % 3000).append(",n,twitter,").append(PlantedPosts.START + i)
                    .append(",\"words ").append(i).append("\",https://example.org/").append(i % 9000).append(",\n");
        }
        Api.Response started = owner.postFile("/api/v1/monitoring/runs?tlp=CLEAR", "file", "posts.csv", "text/csv",
                big.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
        String run = started.json().get("id").asText();

        Api.Response refused = outsiderApi.post("/api/v1/monitoring/runs/" + run + "/cancel", "");
        assertThat(refused.status()).isIn(403, 409); // 409 only if it already finished: never cancelled by an outsider
        assertThat(ownerViewer.post("/api/v1/monitoring/runs/" + run + "/cancel", "").status()).isIn(403, 409);
        assertThat(PlantedPosts.awaitEnd(owner, run).json().get("state").asText()).isEqualTo("SUCCEEDED");
    }
}

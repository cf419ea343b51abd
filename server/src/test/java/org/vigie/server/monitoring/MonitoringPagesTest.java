package org.vigie.server.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.vigie.server.support.Api;
import org.vigie.server.support.BrowserSession;
import org.vigie.server.support.Fixtures;
import org.vigie.server.support.VigieTest;

/** The Monitoring pages without script: in French, a bundled dataset started from the form, a report filed from the confirm form. */
@VigieTest
class MonitoringPagesTest {

    @LocalServerPort
    int port;

    @Test
    void theMonitoringPageIsInTheNavigationAndSpeaksFrench() {
        Fixtures fixtures = new Fixtures(port);
        String analyst = fixtures.account(fixtures.organisation("GOVERNMENT_AGENCY"), "ANALYST");
        BrowserSession browser = BrowserSession.signedIn(port, analyst, Fixtures.PASSWORD, "fr");

        BrowserSession.Page page = browser.get("/monitoring");

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("href=\"/monitoring\"", "Veille", "Lancer la détection", "Élections fédérales allemandes de 2021",
                "texte quasi identique");
    }

    @Test
    void viewersReadRunsButSeeNoStartForm() {
        Fixtures fixtures = new Fixtures(port);
        String viewer = fixtures.account(fixtures.organisation("MEDIA"), "VIEWER");
        BrowserSession.Page page = BrowserSession.signedIn(port, viewer, Fixtures.PASSWORD).get("/monitoring");

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).doesNotContain("id=\"monitoring-form\"").contains("Analysts and administrators of an organisation start runs");
    }

    @Test
    void aFinishedRunsStatusTellsThePageToReloadAndTheConfirmFormFilesTheReport() throws Exception {
        Fixtures fixtures = new Fixtures(port);
        String analyst = fixtures.account(fixtures.organisation("GOVERNMENT_AGENCY"), "ANALYST");
        Api api = fixtures.signedIn(analyst);
        String prefix = "s" + UUID.randomUUID().toString().substring(0, 6);
        String run = api.postFile("/api/v1/monitoring/runs?type=co-link", "file", "posts.csv", "text/csv", PlantedPosts.csv(prefix, 5, 20))
                .json().get("id").asText();
        PlantedPosts.awaitEnd(api, run);
        BrowserSession browser = BrowserSession.signedIn(port, analyst, Fixtures.PASSWORD);

        BrowserSession.Page status = browser.get("/monitoring/runs/" + run + "/status", "HX-Request", "true");
        assertThat(status.header("HX-Refresh")).isEqualTo("true");
        assertThat(browser.get("/monitoring/runs/" + run).body()).contains("Explore the network", "Group 0");
        assertThat(browser.get("/monitoring/runs/" + run + "/network").body()).contains("/webjars/cytoscape/", "5 accounts and 10 edges");

        BrowserSession.Page form = browser.get("/monitoring/runs/" + run + "/groups/0/report");
        assertThat(form.body()).contains("x:" + prefix + "coord0", PlantedPosts.links(prefix).get(0), "T0049");
        BrowserSession.Page filed = browser.submit("/monitoring/runs/" + run + "/groups/0/report",
                Map.of("title", "Link flooding by five accounts", "summary", "Found by monitoring.", "tlp", "AMBER", "suggestTechnique", "true"));
        assertThat(filed.status()).isEqualTo(302);
        assertThat(filed.location()).contains("/reports/incident--");
        assertThat(browser.follow(filed).body()).contains("Link flooding by five accounts");
    }

    @Test
    void aFailedRunsPageSaysWhyAndWhichLinesWithoutAStackTrace() throws Exception {
        Fixtures fixtures = new Fixtures(port);
        String analyst = fixtures.account(fixtures.organisation("GOVERNMENT_AGENCY"), "ANALYST");
        Api api = fixtures.signedIn(analyst);
        StringBuilder csv = new StringBuilder(PlantedPosts.HEADER);
        for (int i = 0; i < 20; i++) {
            csv.append("p").append(i).append(",acct").append(i).append(",n,twitter,").append(i % 2 == 0 ? "yesterday" : "1630000000")
                    .append(",text,,\n");
        }
        String run = api.postFile("/api/v1/monitoring/runs?maxErrors=2", "file", "broken.csv", "text/csv",
                csv.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8)).json().get("id").asText();
        PlantedPosts.awaitEnd(api, run);

        String page = BrowserSession.signedIn(port, analyst, Fixtures.PASSWORD, "fr").get("/monitoring/runs/" + run).body();

        assertThat(page).contains("Échec, rien d’enregistré", "Too many rows could not be read", "ligne 2 :").doesNotContain("Exception");
    }
}

package org.vigie.server.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vigie.server.support.ReportFiling.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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

/** The "Export STIX" buttons where a person looks for them, in English and French, and what they download. */
@VigieTest
class StixExportPagesTest {

    @LocalServerPort
    int port;

    Fixtures fixtures;
    UUID election;
    UUID agency;
    String adminName;
    Api analyst;
    String outsiderName;

    @BeforeEach
    void setUp() {
        fixtures = new Fixtures(port);
        election = ReportFiling.election(fixtures);
        agency = fixtures.organisation("GOVERNMENT_AGENCY");
        adminName = fixtures.account(agency, "ADMINISTRATOR");
        analyst = fixtures.signedIn(fixtures.account(agency, "ANALYST"));
        outsiderName = fixtures.account(fixtures.organisation("MEDIA"), "ANALYST");
    }

    @Test
    void everyPageWithASetHasAnExportButtonThatDownloadsItsBundle() throws Exception {
        String id = report("Button report", election, "https://button-page.example/").fileAs(analyst);
        String campaign = analyst.post("/api/v1/campaigns", Map.of("name", "Operation Button", "tlp", "CLEAR", "reports", List.of(id)))
                .json().get("id").asText();
        String community = fixtures.signedIn(adminName).post("/api/v1/communities", Map.of("name", Fixtures.unique("Cell"),
                "purpose", "Buttons", "charter", Map.of("preamble", "We share.", "objectives", List.of())))
                .json().get("id").asText();
        BrowserSession en = BrowserSession.signedIn(port, adminName, Fixtures.PASSWORD, "en");

        assertThat(en.get("/reports/" + id).body()).contains("id=\"export-stix\"", "href=\"/reports/" + id + "/stix\"", "Export STIX");
        assertThat(en.get("/campaigns/" + campaign).body()).contains("href=\"/campaigns/" + campaign + "/stix\"");
        assertThat(en.get("/reports?q=button").body()).contains("id=\"export-stix\"", "formaction=\"/reports/stix\"");
        assertThat(en.get("/communities/" + community).body()).contains("href=\"/communities/" + community + "/stix\"");
        assertThat(en.get("/knowledge?type=incident").body()).contains("action=\"/knowledge/stix\"", "id=\"export-stix\"");
        BrowserSession fr = BrowserSession.signedIn(port, adminName, Fixtures.PASSWORD, "fr");
        assertThat(fr.get("/reports/" + id).text()).contains("Exporter en STIX");

        BrowserSession.Page download = en.get("/reports/" + id + "/stix");
        assertThat(download.status()).isEqualTo(200);
        assertThat(download.header("Content-Disposition")).startsWith("attachment").contains("vigie-report-" + id + ".stix.json");
        JsonNode bundle = new ObjectMapper().readTree(download.body());
        assertThat(bundle.get("type").asText()).isEqualTo("bundle");
        assertThat(bundle.get("objects").findValuesAsText("id")).contains(id);
        assertThat(en.get("/reports/stix?q=button").header("Content-Disposition")).contains("vigie-reports.stix.json");
        assertThat(en.get("/communities/" + community + "/stix").status()).isEqualTo(200);
        assertThat(en.get("/knowledge/stix?type=incident&q=").status()).isEqualTo(200);
    }

    @Test
    void anOutsiderHasNoCommunityButtonAndItsDownloadIsNotFound() {
        String community = fixtures.signedIn(adminName).post("/api/v1/communities", Map.of("name", Fixtures.unique("Cell"),
                "purpose", "Closed", "charter", Map.of("preamble", "We share.", "objectives", List.of()))).json().get("id").asText();
        BrowserSession outsider = BrowserSession.signedIn(port, outsiderName, Fixtures.PASSWORD, "en");

        assertThat(outsider.get("/communities/" + community).body()).doesNotContain("/communities/" + community + "/stix");
        assertThat(outsider.get("/communities/" + community + "/stix").status()).isEqualTo(404);
    }
}

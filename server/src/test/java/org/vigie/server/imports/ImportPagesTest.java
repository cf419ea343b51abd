package org.vigie.server.imports;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.vigie.server.support.Api;
import org.vigie.server.support.BrowserSession;
import org.vigie.server.support.Fixtures;
import org.vigie.server.support.VigieTest;

@VigieTest
class ImportPagesTest {

    @LocalServerPort
    int port;

    Fixtures fixtures;
    UUID organisation;
    String analyst;

    @BeforeEach
    void setUp() {
        fixtures = new Fixtures(port);
        organisation = fixtures.organisation("GOVERNMENT_AGENCY");
        analyst = fixtures.account(organisation, "ANALYST");
    }

    @Test
    void anAnalystHasTheImportPageInTheNavigationAndAViewerHasNot() {
        BrowserSession session = BrowserSession.signedIn(port, analyst, Fixtures.PASSWORD);
        BrowserSession viewer = BrowserSession.signedIn(port, fixtures.account(organisation, "VIEWER"), Fixtures.PASSWORD);

        BrowserSession.Page page = session.get("/import");

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("href=\"/import\"", "id=\"import-form\"", "TLP for objects without a marking");
        assertThat(viewer.get("/reports").body()).doesNotContain("href=\"/import\"");
        assertThat(viewer.get("/import").status()).isEqualTo(403);
    }

    @Test
    void theJobPageShowsTheCountsAndTheRejectedObjectsInFrench() {
        Api api = fixtures.signedIn(analyst);
        var broken = ImportApiTest.indicator(ImportApiTest.newId(), "2027-03-01T10:00:00.000Z", "broken");
        broken.put("created", "hier");
        String job = api.postRaw("/api/v1/import/stix?tlp=GREEN&partial=true&filename=veille.json",
                ImportApiTest.bundle(ImportApiTest.indicator(ImportApiTest.newId(), "2027-03-01T10:00:00.000Z", "ok"), broken))
                .json().path("id").asText();
        BrowserSession session = BrowserSession.signedIn(port, analyst, Fixtures.PASSWORD, "fr");

        BrowserSession.Page page = session.get("/import/jobs/" + job);
        BrowserSession.Page list = session.get("/import");

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("Import de veille.json", "Enregistré", "/objects/1/created", "Télécharger le rapport");
        assertThat(page.body()).doesNotContain("hx-trigger"); // finished: no more polling
        assertThat(list.body()).contains("veille.json");
        assertThat(session.get("/import/jobs/" + job + "/report").body()).contains("\"status\":\"REJECTED\"");
        BrowserSession outsider = BrowserSession.signedIn(port, fixtures.account(fixtures.organisation("MEDIA"), "ANALYST"), Fixtures.PASSWORD);
        assertThat(outsider.get("/import/jobs/" + job).status()).isEqualTo(404);
    }
}

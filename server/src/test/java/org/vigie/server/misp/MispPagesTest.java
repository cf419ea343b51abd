package org.vigie.server.misp;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.vigie.server.support.Api;
import org.vigie.server.support.BrowserSession;
import org.vigie.server.support.Fixtures;
import org.vigie.server.support.VigieTest;

/** The MISP import page and the report page's export, in both languages, through the same policy as the API. */
@VigieTest
class MispPagesTest {

    @LocalServerPort
    int port;

    Fixtures fixtures;
    UUID organisation;
    String analystName;
    Api analyst;

    @BeforeEach
    void setUp() {
        fixtures = new Fixtures(port);
        organisation = fixtures.organisation("GOVERNMENT_AGENCY");
        analystName = fixtures.account(organisation, "ANALYST");
        analyst = fixtures.signedIn(analystName);
    }

    @Test
    void theImportPageIsReachedFromTheReportsAndSpeaksBothLanguages() {
        BrowserSession browser = BrowserSession.signedIn(port, analystName, Fixtures.PASSWORD);
        assertThat(browser.get("/reports").tag("import-misp")).contains("/import/misp");
        assertThat(browser.get("/import/misp").body()).contains("Import MISP events").contains("tlp:white is TLP:CLEAR");
        BrowserSession french = BrowserSession.signedIn(port, analystName, Fixtures.PASSWORD, "fr");
        assertThat(french.get("/import/misp").body()).contains("Importer des événements MISP");
    }

    @Test
    void pastingAnEventImportsItAndListsWhatBecameOfIt() {
        BrowserSession browser = BrowserSession.signedIn(port, analystName, Fixtures.PASSWORD);
        browser.get("/import/misp");

        BrowserSession.Page answer = browser.submit("/import/misp", Map.of("text", MispFiles.text("existing_event.json")));

        assertThat(answer.status()).isEqualTo(200);
        String id = "incident--" + MispEventMapper.derived(organisation, "5a3c2fcd-8328-42bb-a95e-4f4402de0b81", "incident");
        assertThat(answer.body()).contains("misp-results").contains("/reports/" + id).contains("Sednit update").contains(">created<");
        assertThat(analyst.get("/api/v1/reports/" + id).status()).isEqualTo(200);

        browser.get("/import/misp");
        assertThat(browser.submit("/import/misp", Map.of("text", MispFiles.text("existing_event.json"))).body()).contains(">unchanged<");
    }

    @Test
    void aRefusedFileShowsEachFaultAndImportsNothing() {
        ObjectNode event = MispEvents.event("Refused on the page", 1_763_600_000L, "tlp:green");
        MispEvents.attribute(event, "no-such-type", "Other", false, "x");
        BrowserSession browser = BrowserSession.signedIn(port, analystName, Fixtures.PASSWORD);
        browser.get("/import/misp");

        BrowserSession.Page answer = browser.submit("/import/misp", Map.of("text", MispFiles.write(event)));

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.body()).contains("misp-faults").contains("/Event/Attribute/0/type").contains("no-such-type")
                .contains("Nothing was imported");
        assertThat(analyst.get("/api/v1/reports/incident--" + MispEventMapper.derived(organisation, MispEvents.uuid(event), "incident"))
                .status()).isEqualTo(404);

        browser.get("/import/misp");
        assertThat(browser.submit("/import/misp", Map.of("text", "{\"Event\": [")).body()).contains("not valid JSON at line 1");
    }

    @Test
    void aFileIsUploadedWithTheChosenSharing() throws Exception {
        UUID recipient = fixtures.organisation("ELECTION_MANAGEMENT_BODY");
        BrowserSession browser = BrowserSession.signedIn(port, analystName, Fixtures.PASSWORD);
        String page = browser.get("/import/misp").body();
        Matcher token = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page);
        assertThat(token.find()).isTrue();
        String boundary = "----vigie" + UUID.randomUUID().toString().replace("-", "");
        String body = part(boundary, "_csrf", null, token.group(1)) + part(boundary, "tlp", null, "AMBER")
                + part(boundary, "organisations", null, recipient.toString())
                + part(boundary, "file", "event.json", MispFiles.text("malware_exist.json")) + "--" + boundary + "--\r\n";
        HttpResponse<String> answer = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/import/misp"))
                        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                        .header("Cookie", "JSESSIONID=" + browser.cookie("JSESSIONID"))
                        .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.body()).contains("misp-results").contains(">created<");
        String id = "incident--" + MispEventMapper.derived(organisation, "5a4e4fdd-1eb4-4ff3-9e87-43fa950d210f", "incident");
        Api recipientAnalyst = fixtures.signedIn(fixtures.account(recipient, "ANALYST"));
        assertThat(recipientAnalyst.get("/api/v1/reports/" + id).json().get("tlp").asText()).isEqualTo("AMBER");
    }

    @Test
    void theReportPageOffersTheMispExportOnlyToItsReaders() {
        ObjectNode event = MispEvents.event("Export from the page", 1_763_600_000L, "tlp:amber");
        MispEvents.attribute(event, "domain", "Network activity", true, "page-export-test.com");
        String id = analyst.postRaw("/api/v1/import/misp", MispFiles.write(event)).json().get("events").get(0).get("reportId").asText();
        BrowserSession browser = BrowserSession.signedIn(port, analystName, Fixtures.PASSWORD);

        BrowserSession.Page reportPage = browser.get("/reports/" + id);
        assertThat(reportPage.tag("export-misp")).contains("/reports/" + id + "/misp");
        assertThat(reportPage.body()).contains("Export MISP");
        BrowserSession.Page download = browser.get("/reports/" + id + "/misp");
        assertThat(download.status()).isEqualTo(200);
        assertThat(download.header("Content-Disposition")).startsWith("attachment").contains("misp-" + MispEvents.uuid(event) + ".json");
        assertThat(download.body()).contains("page-export-test.com").contains("tlp:amber");

        String outsider = fixtures.account(fixtures.organisation("MEDIA"), "ANALYST");
        assertThat(BrowserSession.signedIn(port, outsider, Fixtures.PASSWORD).get("/reports/" + id + "/misp").status()).isEqualTo(404);
    }

    @Test
    void aViewerCannotImport() {
        String viewer = fixtures.account(organisation, "VIEWER");
        assertThat(BrowserSession.signedIn(port, viewer, Fixtures.PASSWORD).get("/import/misp").status()).isEqualTo(403);
    }

    private static String part(String boundary, String name, String filename, String content) {
        return "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\""
                + (filename == null ? "" : "; filename=\"" + filename + "\"\r\nContent-Type: application/json")
                + "\r\n\r\n" + content + "\r\n";
    }
}

package org.vigie.server.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
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
class KnowledgePagesTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @LocalServerPort
    int port;

    Fixtures fixtures;
    UUID ownerOrganisation;
    UUID recipientOrganisation;
    String ownerAnalyst;
    String recipientViewer;
    Api owner;

    @BeforeEach
    void setUp() {
        fixtures = new Fixtures(port);
        ownerOrganisation = fixtures.organisation("ELECTION_MANAGEMENT_BODY");
        recipientOrganisation = fixtures.organisation("GOVERNMENT_AGENCY");
        ownerAnalyst = fixtures.account(ownerOrganisation, "ANALYST");
        recipientViewer = fixtures.account(recipientOrganisation, "VIEWER");
        owner = fixtures.signedIn(ownerAnalyst);
    }

    private BrowserSession browser(String username) {
        return BrowserSession.signedIn(port, username, Fixtures.PASSWORD);
    }

    /** A word that no other test's object holds, for full-text search. */
    private static String word() {
        return "zeta" + UUID.randomUUID().toString().replaceAll("[^a-f]", "").substring(0, 6) + "quux";
    }

    private static Map<String, Object> indicator(String id, String name) {
        Map<String, Object> indicator = new LinkedHashMap<>();
        indicator.put("type", "indicator");
        indicator.put("spec_version", "2.1");
        indicator.put("id", id);
        indicator.put("created", "2027-03-01T10:00:00.000Z");
        indicator.put("modified", "2027-03-01T10:00:00.000Z");
        indicator.put("name", name);
        indicator.put("description", "Phishing pages imitating the voter portal");
        indicator.put("pattern", "[url:value = 'https://vote-valdoria.example/login']");
        indicator.put("pattern_type", "stix");
        indicator.put("valid_from", "2027-03-01T10:00:00Z");
        return indicator;
    }

    private static String json(Object value) {
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(value);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void theBrowsePageListsWhatTheUserMaySeeAndNotARedObjectOfAnotherOrganisation() {
        String word = word();
        String open = "indicator--" + UUID.randomUUID();
        String secret = "indicator--" + UUID.randomUUID();
        assertThat(owner.post("/api/v1/objects?tlp=CLEAR", indicator(open, "Open " + word)).status()).isEqualTo(201);
        assertThat(owner.post("/api/v1/objects?tlp=RED", indicator(secret, "Secret " + word)).status()).isEqualTo(201);

        BrowserSession.Page page = browser(recipientViewer).get("/knowledge?type=indicator&q=" + word);

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("/knowledge/objects/" + open).doesNotContain(secret);
        assertThat(page.text()).contains("Open " + word).contains("TLP:CLEAR").doesNotContain("Secret " + word);

        BrowserSession.Page ownView = browser(ownerAnalyst).get("/knowledge?q=" + word);
        assertThat(ownView.body()).contains(open).contains(secret);
        assertThat(ownView.text()).contains("TLP:RED");
    }

    @Test
    void anHtmxSearchAnswersOnlyTheResults() {
        String word = word();
        String id = "indicator--" + UUID.randomUUID();
        owner.post("/api/v1/objects?tlp=CLEAR", indicator(id, "Fragment " + word));

        BrowserSession.Page fragment = browser(recipientViewer).get("/knowledge?q=" + word, "HX-Request", "true");

        assertThat(fragment.body()).contains(id).doesNotContain("<html");
    }

    @Test
    void theObjectPageShowsTheMarkingOwnerVersionsAndEscapedJson() {
        String id = "indicator--" + UUID.randomUUID();
        Map<String, Object> first = indicator(id, "<script>alert(1)</script> portal");
        owner.post("/api/v1/objects?tlp=AMBER&pap=GREEN&organisation=" + recipientOrganisation, first);
        Map<String, Object> second = new LinkedHashMap<>(first);
        second.put("modified", "2027-03-02T10:00:00.000Z");
        owner.post("/api/v1/objects?tlp=AMBER&pap=GREEN&organisation=" + recipientOrganisation, second);

        BrowserSession recipient = browser(recipientViewer);
        BrowserSession.Page page = recipient.get("/knowledge/objects/" + id);

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).doesNotContain("<script>alert(1)</script>").contains("&lt;script&gt;");
        assertThat(page.text()).contains("TLP:AMBER").contains("PAP:GREEN")
                .contains("the organisations it was shared with")
                .contains("2027-03-01T10:00:00.000Z").contains("2027-03-02T10:00:00.000Z")
                .contains("STIX note");
        assertThat(page.body()).contains("/knowledge/objects/" + id + "?version=2027-03-01T10:00:00.000Z");

        BrowserSession.Page older = recipient.get("/knowledge/objects/" + id + "?version=2027-03-01T10:00:00.000Z");
        assertThat(older.status()).isEqualTo(200);
        assertThat(older.text()).contains("older version");
    }

    @Test
    void theObjectPageOfAHiddenObjectIsTheNotFoundPage() {
        String id = "indicator--" + UUID.randomUUID();
        owner.post("/api/v1/objects?tlp=RED", indicator(id, "Hidden"));

        BrowserSession outsider = browser(recipientViewer);

        assertThat(outsider.get("/knowledge/objects/" + id).status()).isEqualTo(404);
        assertThat(outsider.get("/knowledge/objects/indicator--" + UUID.randomUUID()).status()).isEqualTo(404);
        assertThat(outsider.get("/knowledge/objects/" + id + "?version=not-a-time").status()).isEqualTo(404);
        assertThat(browser(ownerAnalyst).get("/knowledge/objects/" + id).status()).isEqualTo(200);
    }

    @Test
    void theShareFormStoresAPastedIndicatorForARecipientOrganisation() {
        String word = word();
        String id = "indicator--" + UUID.randomUUID();
        BrowserSession analyst = browser(ownerAnalyst);
        BrowserSession.Page form = analyst.get("/knowledge/share");
        assertThat(form.status()).isEqualTo(200);
        assertThat(form.body()).contains("value=\"" + recipientOrganisation + "\"");

        BrowserSession.Page answer = analyst.submit("/knowledge/share", Map.of("text", json(indicator(id, "Shared " + word)),
                "tlp", "AMBER", "organisations", recipientOrganisation.toString()));

        assertThat(answer.status()).isEqualTo(302);
        assertThat(answer.location()).isEqualTo("/knowledge/share");
        BrowserSession.Page result = analyst.follow(answer);
        assertThat(result.text()).contains("created").contains(id);
        assertThat(result.body()).contains("/knowledge/objects/" + id);

        BrowserSession.Page recipientView = browser(recipientViewer).get("/knowledge?q=" + word);
        assertThat(recipientView.body()).contains("/knowledge/objects/" + id);
        assertThat(recipientView.text()).contains("TLP:AMBER");
        String third = fixtures.account(fixtures.organisation("MEDIA"), "ANALYST");
        assertThat(browser(third).get("/knowledge?q=" + word).body()).doesNotContain(id);
    }

    @Test
    void aMalformedPasteIsShownAgainWithWhereItBreaks() {
        BrowserSession analyst = browser(ownerAnalyst);
        analyst.get("/knowledge/share");
        String typed = "{\n  \"type\": \"indicator\",\n  \"name\": \"half typed\" \"oops\"\n}";

        BrowserSession.Page answer = analyst.submit("/knowledge/share", Map.of("text", typed, "tlp", "GREEN"));

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.text()).contains(typed.replaceAll("\\s+", " ")).contains("not valid JSON").contains("line 3");
        assertThat(answer.body()).contains("<option value=\"GREEN\" selected=\"selected\"");
    }

    @Test
    void aSchemaFaultIsNamedByItsJsonPointer() {
        BrowserSession analyst = browser(ownerAnalyst);
        analyst.get("/knowledge/share");
        Map<String, Object> broken = indicator("indicator--" + UUID.randomUUID(), "Broken");
        broken.put("created", "yesterday");
        Map<String, Object> bundle = Map.of("type", "bundle", "id", "bundle--" + UUID.randomUUID(),
                "objects", java.util.List.of(indicator("indicator--" + UUID.randomUUID(), "Fine"), broken));

        BrowserSession.Page answer = analyst.submit("/knowledge/share", Map.of("text", json(bundle), "tlp", "CLEAR"));

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.text()).contains("/objects/1/created").contains("Nothing was stored");
    }

    @Test
    void anObjectWithoutMarkingAndWithoutTlpIsRefusedWithItsPointer() {
        BrowserSession analyst = browser(ownerAnalyst);
        analyst.get("/knowledge/share");

        BrowserSession.Page answer = analyst.submit("/knowledge/share",
                Map.of("text", json(indicator("indicator--" + UUID.randomUUID(), "Unmarked"))));

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.text()).contains("/object_marking_refs");
    }

    @Test
    void aCommunityTheOrganisationIsNotActiveInIsRefusedNextToTheField() {
        BrowserSession analyst = browser(ownerAnalyst);
        analyst.get("/knowledge/share");

        BrowserSession.Page answer = analyst.submit("/knowledge/share", Map.of("text",
                json(indicator("indicator--" + UUID.randomUUID(), "Green")), "tlp", "GREEN", "communities", UUID.randomUUID().toString()));

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.body()).contains("id=\"communities-error\"");
    }

    @Test
    void aViewerHasNoShareButtonAndCannotShare() {
        BrowserSession viewer = browser(recipientViewer);

        BrowserSession.Page browse = viewer.get("/knowledge");
        assertThat(browse.status()).isEqualTo(200);
        assertThat(browse.tag("share-button")).isNull();
        assertThat(browser(ownerAnalyst).get("/knowledge").tag("share-button")).isNotNull();
        assertThat(viewer.get("/knowledge/share").status()).isEqualTo(403);

        String id = "indicator--" + UUID.randomUUID();
        viewer.get("/knowledge");
        BrowserSession.Page refused = viewer.submit("/knowledge/share", Map.of("text", json(indicator(id, "Viewer")), "tlp", "CLEAR"));
        assertThat(refused.status()).isEqualTo(403);
        assertThat(owner.get("/api/v1/objects/" + id).status()).isEqualTo(404);
    }

    @Test
    void aFileUploadIsSharedWithItsCsrfTokenInTheMultipartBody() throws Exception {
        String word = word();
        String id = "indicator--" + UUID.randomUUID();
        BrowserSession analyst = browser(ownerAnalyst);
        String page = analyst.get("/knowledge/share").body();
        java.util.regex.Matcher token = java.util.regex.Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page);
        assertThat(token.find()).isTrue();
        String boundary = "----vigie" + UUID.randomUUID().toString().replace("-", "");
        String body = part(boundary, "_csrf", null, token.group(1)) + part(boundary, "text", null, "")
                + part(boundary, "tlp", null, "CLEAR")
                + part(boundary, "file", "indicator.json", json(indicator(id, "Uploaded " + word))) + "--" + boundary + "--\r\n";
        java.net.http.HttpResponse<String> answer = java.net.http.HttpClient.newHttpClient().send(
                java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + port + "/knowledge/share"))
                        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                        .header("Cookie", "JSESSIONID=" + analyst.cookie("JSESSIONID"))
                        .POST(java.net.http.HttpRequest.BodyPublishers.ofString(body)).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());

        assertThat(answer.statusCode()).isEqualTo(302);
        assertThat(browser(recipientViewer).get("/knowledge?q=" + word).body()).contains(id);
    }

    @Test
    void aFileLargerThanTheObjectsApiTakesIsRefusedNextToTheField() throws Exception {
        // the server takes uploads up to the evidence limit (50 MB); this page keeps the objects API's 10 MB
        BrowserSession analyst = browser(ownerAnalyst);
        String page = analyst.get("/knowledge/share").body();
        java.util.regex.Matcher token = java.util.regex.Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page);
        assertThat(token.find()).isTrue();
        String boundary = "----vigie" + UUID.randomUUID().toString().replace("-", "");
        String body = part(boundary, "_csrf", null, token.group(1)) + part(boundary, "tlp", null, "CLEAR")
                + part(boundary, "file", "huge.json", " ".repeat(ObjectApiController.MAX_BODY_BYTES + 1)) + "--" + boundary + "--\r\n";
        java.net.http.HttpResponse<String> answer = java.net.http.HttpClient.newHttpClient().send(
                java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + port + "/knowledge/share"))
                        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                        .header("Cookie", "JSESSIONID=" + analyst.cookie("JSESSIONID"))
                        .POST(java.net.http.HttpRequest.BodyPublishers.ofString(body)).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.body()).contains("The file is larger than 10 MB: split the bundle.")
                .doesNotContain("Paste a STIX object or bundle, or choose a file.");
    }

    private static String part(String boundary, String name, String filename, String content) {
        return "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\""
                + (filename == null ? "" : "; filename=\"" + filename + "\"\r\nContent-Type: application/json")
                + "\r\n\r\n" + content + "\r\n";
    }

    @Test
    void theNavigationLeadsToKnowledge() {
        assertThat(browser(recipientViewer).get("/").body()).contains("href=\"/knowledge\"");
    }
}

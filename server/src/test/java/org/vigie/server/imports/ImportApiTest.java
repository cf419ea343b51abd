package org.vigie.server.imports;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.vigie.core.sharing.Tlp;
import org.vigie.server.support.Api;
import org.vigie.server.support.Fixtures;
import org.vigie.server.support.ReportFiling;
import org.vigie.server.support.VigieTest;

@VigieTest
class ImportApiTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    Fixtures fixtures;
    UUID organisation;
    Api importer;
    Api otherOrganisation;

    @BeforeEach
    void setUp() {
        fixtures = new Fixtures(port);
        organisation = fixtures.organisation("GOVERNMENT_AGENCY");
        importer = fixtures.signedIn(fixtures.account(organisation, "ANALYST"));
        otherOrganisation = fixtures.signedIn(fixtures.account(fixtures.organisation("MEDIA"), "ANALYST"));
    }

    static ObjectNode indicator(String id, String modified, String name) {
        ObjectNode indicator = StixFixtures.JSON.createObjectNode();
        indicator.put("type", "indicator");
        indicator.put("spec_version", "2.1");
        indicator.put("id", id);
        indicator.put("created", "2027-03-01T10:00:00.000Z");
        indicator.put("modified", modified);
        indicator.put("name", name);
        indicator.put("pattern", "[domain-name:value = 'vote-" + UUID.randomUUID() + ".example']");
        indicator.put("pattern_type", "stix");
        indicator.put("valid_from", "2027-03-01T10:00:00Z");
        indicator.put("x_vigie_source", "custom properties are kept");
        return indicator;
    }

    static String newId() {
        return "indicator--" + UUID.randomUUID();
    }

    static String bundle(JsonNode... objects) {
        ObjectNode bundle = StixFixtures.JSON.createObjectNode().put("type", "bundle").put("id", "bundle--" + UUID.randomUUID());
        ArrayNode array = bundle.putArray("objects");
        for (JsonNode object : objects) {
            array.add(object);
        }
        return bundle.toString();
    }

    private Api.Response importAs(Api who, String query, String body) {
        return who.postRaw("/api/v1/import/stix" + query, body);
    }

    // ---- idempotency -----------------------------------------------------------------------------

    @Test
    void importingTheSameBundleTwiceStoresNothingTheSecondTime() {
        String body = bundle(indicator(newId(), "2027-03-01T10:00:00.000Z", "a"), indicator(newId(), "2027-03-01T10:00:00.000Z", "b"));

        JsonNode first = importAs(importer, "?tlp=GREEN", body).json();
        JsonNode second = importAs(importer, "?tlp=GREEN", body).json();

        assertThat(first.path("counts").path("stored").asInt()).isEqualTo(2);
        assertThat(second.path("counts").path("stored").asInt()).isZero();
        assertThat(second.path("counts").path("unchanged").asInt()).isEqualTo(2);
        assertThat(second.path("state").asText()).isEqualTo("SUCCEEDED");
    }

    @Test
    void aNewerModifiedIsANewVersionAndAnOlderOneIsKeptAsAnOldVersion() {
        String id = newId();
        importAs(importer, "?tlp=GREEN", bundle(indicator(id, "2027-03-02T10:00:00.000Z", "second")));

        JsonNode newer = importAs(importer, "?tlp=GREEN", bundle(indicator(id, "2027-03-03T10:00:00.000Z", "third"))).json();
        JsonNode older = importAs(importer, "?tlp=GREEN", bundle(indicator(id, "2027-03-01T10:00:00.000Z", "first"))).json();

        assertThat(newer.path("counts").path("newVersions").asInt()).isEqualTo(1);
        assertThat(older.path("counts").path("newVersions").asInt()).isEqualTo(1);
        assertThat(importer.get("/api/v1/objects/" + id).json().path("name").asText()).isEqualTo("third");
        assertThat(importer.get("/api/v1/objects/" + id + "/versions").json().path("versions")).hasSize(3);
    }

    // ---- all or nothing, partial ---------------------------------------------------------------

    @Test
    void aBundleWithAnInvalidObjectStoresNothingAndNamesTheObjectAndProperty() {
        String good = newId();
        String bad = newId();
        ObjectNode broken = indicator(bad, "2027-03-01T10:00:00.000Z", "broken");
        broken.put("created", "yesterday");

        Api.Response refused = importAs(importer, "?tlp=GREEN", bundle(indicator(good, "2027-03-01T10:00:00.000Z", "good"),
                indicator(newId(), "2027-03-01T10:00:00.000Z", "good too"), broken));

        assertThat(refused.status()).isEqualTo(422);
        JsonNode problem = refused.json();
        assertThat(problem.path("detail").asText()).contains("1 of 3 objects were refused", "nothing was stored");
        JsonNode error = problem.path("errors").get(0);
        assertThat(error.path("index").asInt()).isEqualTo(2);
        assertThat(error.path("id").asText()).isEqualTo(bad);
        assertThat(error.path("pointer").asText()).isEqualTo("/objects/2/created");
        assertThat(problem.path("job").path("committed").asBoolean()).isFalse();
        assertThat(importer.get("/api/v1/objects/" + good).status()).as("nothing half-imported").isEqualTo(404);
    }

    @Test
    void partialStoresTheValidObjectsAndReportsTheOthers() {
        String good = newId();
        ObjectNode broken = indicator(newId(), "2027-03-01T10:00:00.000Z", "broken");
        broken.remove("pattern");

        Api.Response answered = importAs(importer, "?tlp=GREEN&partial=true", bundle(broken, indicator(good, "2027-03-01T10:00:00.000Z", "good")));

        assertThat(answered.status()).isEqualTo(200);
        JsonNode job = answered.json();
        assertThat(job.path("counts").path("stored").asInt()).isEqualTo(1);
        assertThat(job.path("counts").path("rejected").asInt()).isEqualTo(1);
        assertThat(job.path("rejected").get(0).path("index").asInt()).isZero();
        assertThat(job.path("rejected").get(0).path("problems").get(0).path("message").asText()).contains("pattern");
        assertThat(importer.get("/api/v1/objects/" + good).status()).isEqualTo(200);

        Api.Response report = importer.get("/api/v1/import/jobs/" + job.path("id").asText() + "/report");
        List<String> lines = report.body().lines().filter(l -> !l.isBlank()).toList();
        assertThat(lines).hasSize(2);
        assertThat(lines.get(0)).contains("\"status\":\"REJECTED\"");
        assertThat(lines.get(1)).contains("\"status\":\"STORED\"", good);
    }

    @Test
    void aBundleMayAlsoBeSentAsAMultipartFile() {
        String id = newId();

        Api.Response answered = importer.postFile("/api/v1/import/stix?tlp=GREEN", "file", "bundle.json", "application/json",
                bundle(indicator(id, "2027-03-01T10:00:00.000Z", "sent as a file")).getBytes(StandardCharsets.UTF_8));

        assertThat(answered.status()).as(answered.body()).isEqualTo(200);
        assertThat(answered.json().path("fileName").asText()).isEqualTo("bundle.json");
        assertThat(importer.get("/api/v1/objects/" + id).status()).isEqualTo(200);
    }

    @Test
    void anObjectWithoutMarkingTakesTheImportsAndAMarkedOneKeepsItsOwn() {
        String unmarked = newId();
        String marked = newId();
        ObjectNode red = indicator(marked, "2027-03-01T10:00:00.000Z", "marked");
        red.putArray("object_marking_refs").add(Tlp.RED.markingDefinitionId());

        importAs(importer, "?tlp=AMBER&pap=GREEN", bundle(indicator(unmarked, "2027-03-01T10:00:00.000Z", "unmarked"), red));

        assertThat(importer.get("/api/v1/objects/" + unmarked).json().path("object_marking_refs").toString())
                .contains(Tlp.AMBER.markingDefinitionId());
        assertThat(importer.get("/api/v1/objects/" + marked).json().path("object_marking_refs").toString())
                .contains(Tlp.RED.markingDefinitionId()).doesNotContain(Tlp.AMBER.markingDefinitionId());
    }

    // ---- bad input -----------------------------------------------------------------------------

    @Test
    void aFileThatIsNotJsonIsRefusedWithItsLineAndColumn() {
        Api.Response refused = importAs(importer, "?tlp=GREEN", "{\"type\": \"bundle\",\n \"objects\": [\n {\"type\": indicator}]}");

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().path("detail").asText()).contains("not valid JSON at line 3, column", "Nothing was stored");
    }

    @Test
    void aSingleObjectIsNotABundle() {
        Api.Response refused = importAs(importer, "?tlp=GREEN", StixFixtures.text(StixFixtures.NOT_A_BUNDLE));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().path("detail").asText()).contains("not a STIX bundle", "\"campaign\"");
    }

    @Test
    void objectsThatAreNotAnArrayAndAnEmptyBodyAreRefused() {
        assertThat(importAs(importer, "?tlp=GREEN", "{\"type\":\"bundle\",\"id\":\"bundle--x\",\"objects\":{}}").json().path("detail").asText())
                .contains("\"objects\" must be an array");
        assertThat(importAs(importer, "?tlp=GREEN", "").json().path("detail").asText()).contains("empty");
    }

    @Test
    void anUnknownTlpIsRefusedByParameterName() {
        Api.Response refused = importAs(importer, "?tlp=PURPLE", bundle());

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body()).contains("tlp");
    }

    @Test
    void anUploadLargerThanTheLimitIsRefusedWith413BeforeItIsRead() throws Exception {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            // announces 2 GB and sends a few bytes: the answer must come without the rest being read
            out.write(("POST /api/v1/import/stix?tlp=GREEN HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + analystToken()
                    + "\r\nContent-Type: application/json\r\nContent-Length: 2147483648\r\nAccept: application/problem+json\r\n\r\n{\"type\":")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            String answer = readAnswer(socket.getInputStream());
            assertThat(answer).startsWith("HTTP/1.1 413").contains("larger than the limit of 1 GB (1073741824 bytes)");
        }
    }

    /** The status line, headers and body of one HTTP answer with a Content-Length or chunked body (read until the JSON closes). */
    private static String readAnswer(InputStream in) throws java.io.IOException {
        StringBuilder answer = new StringBuilder();
        int depth = 0;
        boolean body = false;
        int c;
        while ((c = in.read()) != -1) {
            answer.append((char) c);
            if (!body && answer.toString().endsWith("\r\n\r\n")) {
                body = true;
            } else if (body && c == '{') {
                depth++;
            } else if (body && c == '}' && --depth == 0) {
                break;
            }
        }
        return answer.toString();
    }

    private String analystToken() {
        String username = fixtures.account(organisation, "ANALYST");
        return fixtures.anonymous().basic(username, Fixtures.PASSWORD)
                .post("/api/v1/auth/tokens", java.util.Map.of("name", "t-" + UUID.randomUUID())).json().path("token").asText();
    }

    // ---- sharing and visibility ----------------------------------------------------------------

    @Test
    void anImportCannotShareIntoACommunityItsOrganisationIsNotActiveIn() {
        UUID community = UUID.randomUUID();

        Api.Response refused = importAs(importer, "?tlp=GREEN&community=" + community, bundle(indicator(newId(), "2027-03-01T10:00:00.000Z", "x")));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body()).contains("community", community.toString());
    }

    @Test
    void importedAmberObjectsAreNotVisibleToOtherOrganisations() {
        String id = newId();
        importAs(importer, "?tlp=AMBER", bundle(indicator(id, "2027-03-01T10:00:00.000Z", "amber")));

        assertThat(importer.get("/api/v1/objects/" + id).status()).isEqualTo(200);
        assertThat(otherOrganisation.get("/api/v1/objects/" + id).status()).isEqualTo(404);
        assertThat(fixtures.admin().get("/api/v1/objects/" + id).status()).isEqualTo(404);
    }

    @Test
    void aViewerMayNotImportAndAnotherOrganisationCannotReadTheJob() {
        Api viewer = fixtures.signedIn(fixtures.account(organisation, "VIEWER"));
        assertThat(importAs(viewer, "?tlp=GREEN", bundle()).status()).isEqualTo(403);

        String job = importAs(importer, "?tlp=GREEN", bundle(indicator(newId(), "2027-03-01T10:00:00.000Z", "x"))).json().path("id").asText();
        assertThat(viewer.get("/api/v1/import/jobs/" + job).status()).as("same organisation").isEqualTo(200);
        assertThat(otherOrganisation.get("/api/v1/import/jobs/" + job).status()).isEqualTo(404);
        assertThat(otherOrganisation.get("/api/v1/import/jobs/" + job + "/report").status()).isEqualTo(404);
        assertThat(otherOrganisation.get("/api/v1/import/jobs").json().path("jobs").toString()).doesNotContain(job);
    }

    @Test
    void anImportCannotOverwriteAnotherOrganisationsObject() {
        String id = newId();
        importAs(otherOrganisation, "?tlp=CLEAR", bundle(indicator(id, "2027-03-01T10:00:00.000Z", "theirs")));

        Api.Response refused = importAs(importer, "?tlp=CLEAR", bundle(indicator(id, "2027-03-05T10:00:00.000Z", "mine now")));

        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.json().path("errors").get(0).path("message").asText()).contains("only the owning organisation");
        assertThat(importer.get("/api/v1/objects/" + id).json().path("name").asText()).isEqualTo("theirs");
    }

    // ---- jobs: async, progress, cancel, audit --------------------------------------------------

    @Test
    void anAsynchronousImportAnswers202AndItsJobEndsWithTheCounts() {
        Api.Response accepted = importAs(importer, "?tlp=GREEN&async=true", bundle(indicator(newId(), "2027-03-01T10:00:00.000Z", "a")));

        assertThat(accepted.status()).isEqualTo(202);
        String location = accepted.headers().get("location").get(0);
        JsonNode job = awaitFinished(location);
        assertThat(job.path("state").asText()).isEqualTo("SUCCEEDED");
        assertThat(job.path("counts").path("stored").asInt()).isEqualTo(1);
        assertThat(job.path("progress").path("bytesRead").asLong()).isEqualTo(job.path("progress").path("bytesTotal").asLong()).isPositive();
        assertThat(auditActions(job.path("id").asText())).contains("import.started", "import.finished");
    }

    @Test
    void aCancelledImportRollsBackAndSaysSo() {
        ObjectNode[] many = new ObjectNode[30_000];
        String first = newId();
        for (int i = 0; i < many.length; i++) {
            many[i] = indicator(i == 0 ? first : newId(), "2027-03-01T10:00:00.000Z", "bulk " + i);
        }
        Api.Response accepted = importAs(importer, "?tlp=GREEN&async=true", bundle(many));
        String location = accepted.headers().get("location").get(0);

        Api.Response cancelled = importer.post(location + "/cancel", "");
        JsonNode job = awaitFinished(location);

        assertThat(cancelled.status()).isEqualTo(202);
        assertThat(job.path("state").asText()).isEqualTo("CANCELLED");
        assertThat(job.path("committed").asBoolean()).isFalse();
        assertThat(job.path("error").asText()).contains("Cancelled", "nothing was stored");
        assertThat(importer.get("/api/v1/objects/" + first).status()).isEqualTo(404);
        assertThat(auditActions(job.path("id").asText())).contains("import.started", "import.cancelled");
        assertThat(importer.post(location + "/cancel", "").status()).as("nothing left to cancel").isEqualTo(409);
    }

    private JsonNode awaitFinished(String location) {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
        while (Instant.now().isBefore(deadline)) {
            JsonNode job = importer.get(location).json();
            if (!job.path("state").asText().equals("RUNNING")) {
                return job;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new AssertionError("the import did not finish: " + importer.get(location).body());
    }

    private List<String> auditActions(String jobId) {
        return jdbc.sql("SELECT action FROM audit_log WHERE target_type = 'import' AND target_id = :id ORDER BY sequence")
                .param("id", jobId).query(String.class).list();
    }

    // ---- incidents with Vigie's report extension become reports --------------------------------

    @Test
    void anImportedIncidentWithVigiesReportExtensionIsAReportThatCorrelates() {
        UUID election = ReportFiling.election(fixtures);
        String observable = "https://vote-" + UUID.randomUUID().toString().substring(0, 8) + ".example/bureau";
        String filed = ReportFiling.report("Filed here", election, observable).fileAs(otherOrganisation);
        ObjectNode incident = (ObjectNode) otherOrganisation.get("/api/v1/objects/" + filed).json();
        // as another Vigie would export it: its own id, title and dates, the same observable
        String imported = "incident--" + UUID.randomUUID();
        incident.put("id", imported);
        incident.put("name", "Imported from another hub");
        incident.put("created", "2027-04-01T10:00:00.000Z");
        incident.put("modified", "2027-04-01T10:00:00.000Z");
        incident.remove("object_marking_refs");

        Api.Response answered = importAs(importer, "?tlp=CLEAR", bundle(incident));

        assertThat(answered.status()).as(answered.body()).isEqualTo(200);
        assertThat(answered.json().path("counts").path("reports").asInt()).isEqualTo(1);
        JsonNode found = importer.get("/api/v1/reports?q=Imported+from+another+hub").json();
        assertThat(found.findValuesAsText("id")).contains(imported);
        assertThat(importer.get("/api/v1/reports/" + imported + "/related").json().findValuesAsText("id")).contains(filed);

        // a newer version updates the report; an older one changes nothing
        incident.put("modified", "2027-04-02T10:00:00.000Z");
        incident.put("name", "Imported, then corrected");
        importAs(importer, "?tlp=CLEAR", bundle(incident));
        incident.put("modified", "2027-03-30T10:00:00.000Z");
        incident.put("name", "An older version arriving late");
        importAs(importer, "?tlp=CLEAR", bundle(incident));
        assertThat(jdbc.sql("SELECT title FROM reports WHERE stix_id = :id").param("id", imported).query(String.class).single())
                .isEqualTo("Imported, then corrected");
    }

    @Test
    void anIncidentWithoutTheExtensionIsStoredButIsNotAReport() {
        ObjectNode incident = StixFixtures.JSON.createObjectNode().put("type", "incident").put("spec_version", "2.1")
                .put("id", "incident--" + UUID.randomUUID()).put("created", "2027-04-01T10:00:00.000Z")
                .put("modified", "2027-04-01T10:00:00.000Z").put("name", "Another tool's incident");

        JsonNode job = importAs(importer, "?tlp=CLEAR", bundle(incident)).json();

        assertThat(job.path("counts").path("stored").asInt()).isEqualTo(1);
        assertThat(job.path("counts").path("reports").asInt()).isZero();
    }
}

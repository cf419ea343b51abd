package org.vigie.server.reports;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.vigie.server.support.Api;
import org.vigie.server.support.Fixtures;
import org.vigie.server.support.VigieTest;

@VigieTest
class ReportApiTest {

    @LocalServerPort
    int port;

    Fixtures fixtures;
    UUID commission;
    UUID agency;
    Api reporter;
    Api colleague;
    Api agencyAnalyst;
    Api outsider;

    @BeforeEach
    void setUp() {
        fixtures = new Fixtures(port);
        commission = fixtures.organisation("ELECTION_MANAGEMENT_BODY");
        agency = fixtures.organisation("GOVERNMENT_AGENCY");
        reporter = fixtures.signedIn(fixtures.account(commission, "ANALYST"));
        colleague = fixtures.signedIn(fixtures.account(commission, "ANALYST"));
        agencyAnalyst = fixtures.signedIn(fixtures.account(agency, "ANALYST"));
        outsider = fixtures.signedIn(fixtures.account(fixtures.organisation("MEDIA"), "ANALYST"));
    }

    static Map<String, Object> report(String title, String tlp, List<String> observables) {
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("title", title);
        report.put("summary", "SMS messages telling voters their polling station has moved.");
        report.put("types", List.of("PHISHING", "IMPERSONATION"));
        report.put("outcome", "ATTEMPTED");
        report.put("phase", "VOTING");
        report.put("firstSeen", "2026-11-20T08:00:00Z");
        report.put("disarmTechniques", List.of("T0085"));
        report.put("observables", observables.stream().map(o -> Map.of("value", o)).toList());
        report.put("tlp", tlp);
        return report;
    }

    static Map<String, Object> with(Map<String, Object> report, String key, Object value) {
        Map<String, Object> copy = new LinkedHashMap<>(report);
        copy.put(key, value);
        return copy;
    }

    String file(Api who, Map<String, Object> report) {
        Api.Response filed = who.post("/api/v1/reports", report);
        assertThat(filed.status()).as(filed.body()).isEqualTo(201);
        return filed.json().get("id").asText();
    }

    @Test
    void aFiledReportIsAStixIncidentWithItsElectionContext() {
        String id = file(reporter, with(report("Fake polling-station SMS", "AMBER", List.of("https://vote-valdoria.example/login")),
                "organisations", List.of(agency)));

        JsonNode stix = reporter.get("/api/v1/objects/" + id).json();
        assertThat(stix.get("type").asText()).isEqualTo("incident");
        assertThat(stix.get("name").asText()).isEqualTo("Fake polling-station SMS");
        JsonNode extensions = stix.get("extensions");
        assertThat(extensions.toString()).contains("\"outcome\":\"attempted\"", "\"cycle_phase\":\"voting\"", "\"phishing\"", "T0085");
        assertThat(stix.get("external_references").get(0).get("source_name").asText()).isEqualTo("DISARM");
    }

    @Test
    void aReportReadBackHasEveryFieldItWasFiledWith() {
        Map<String, Object> full = report("Deepfake of the commission's chair", "GREEN", List.of("198.51.100.7"));
        full.put("targets", List.of(Map.of("category", "ELECTION_MANAGEMENT_BODY", "organisationId", commission.toString(),
                "notifiedAt", "2026-11-21T09:00:00Z", "notifiedBy", "CERT duty officer")));
        full.put("attackTechniques", List.of("T1566.001"));
        full.put("viginum", Map.of("FOREIGN_INVOLVEMENT", Map.of("met", true, "justification", "hosted abroad")));
        full.put("confidence", 70);
        full.put("reliability", "B");
        full.put("credibility", "2");
        full.put("newNarratives", List.of(Map.of("name", "The vote is rigged", "description", "Claims that machines flip votes")));
        full.put("newActors", List.of(Map.of("name", "Storm-Valdoria", "type", "intrusion-set")));
        String id = file(reporter, full);

        JsonNode content = reporter.get("/api/v1/reports/" + id).json().get("content");
        assertThat(content.get("targets").get(0).get("notifiedBy").asText()).isEqualTo("CERT duty officer");
        assertThat(content.get("attackTechniques").get(0).asText()).isEqualTo("T1566.001");
        assertThat(content.get("viginum").get("FOREIGN_INVOLVEMENT").get("met").asBoolean()).isTrue();
        assertThat(content.get("confidence").asInt()).isEqualTo(70);
        assertThat(content.get("admiralty").get("reliability").asText()).isEqualTo("B");
        assertThat(content.get("narrativeRefs").get(0).asText()).startsWith("x-vigie-narrative--");
        assertThat(content.get("actorRefs").get(0).asText()).startsWith("intrusion-set--");
    }

    @Test
    void reportsSharingAnObservableAreConnected() {
        String first = file(reporter, report("Phishing page A", "CLEAR", List.of("https://evil-vote.example/login?utm_source=sms")));
        String second = file(colleague, report("Phishing page B", "CLEAR", List.of("https://evil-vote.example/login")));

        JsonNode related = reporter.get("/api/v1/reports/" + second + "/related").json();
        assertThat(related.findValuesAsText("id")).contains(first);
    }

    @Test
    void aCorrelationToAReportTheReaderCannotSeeIsNotRevealedNotEvenAsACount() {
        String secret = file(reporter, with(report("Commission-only intrusion", "AMBER", List.of("203.0.113.66")), "disarmTechniques", List.of()));
        String visible = file(agencyAnalyst, with(report("Agency sees the same IP", "CLEAR", List.of("203.0.113.66")), "disarmTechniques", List.of()));

        JsonNode seenByAgency = agencyAnalyst.get("/api/v1/reports/" + visible).json();
        assertThat(seenByAgency.get("related")).isEmpty();
        assertThat(agencyAnalyst.get("/api/v1/reports/" + visible + "/related").json()).isEmpty();
        assertThat(agencyAnalyst.get("/api/v1/reports/" + visible).body()).doesNotContain(secret, "Commission-only");
        assertThat(agencyAnalyst.get("/api/v1/reports?observable=203.0.113.66").body()).doesNotContain(secret);
        assertThat(agencyAnalyst.get("/api/v1/reports/" + secret).status()).isEqualTo(404);

        JsonNode seenByCommission = reporter.get("/api/v1/reports/" + secret + "/related").json();
        assertThat(seenByCommission.findValuesAsText("id")).contains(visible);
    }

    @Test
    void anUnknownDisarmTechniqueIsRefusedByName() {
        Api.Response refused = reporter.post("/api/v1/reports",
                with(report("Bad technique", "CLEAR", List.of()), "disarmTechniques", List.of("T0085", "T9999")));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().get("errors").get(0).get("field").asText()).isEqualTo("disarmTechniques");
        assertThat(refused.json().get("errors").get(0).get("message").asText()).contains("T9999");
    }

    @Test
    void everyFaultIsListedAndNothingIsStored() {
        Map<String, Object> bad = with(with(report("", "CLEAR", List.of()), "types", List.of()), "confidence", 140);
        Api.Response refused = reporter.post("/api/v1/reports", bad);

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().get("errors").findValuesAsText("field")).contains("title", "types", "confidence");
    }

    @Test
    void editingAVersionSomeoneElseHasJustReplacedAnswers409WithBothVersions() {
        String id = file(reporter, report("Original title", "CLEAR", List.of()));
        String base = reporter.get("/api/v1/reports/" + id).json().get("modified").asText();
        Api.Response first = colleague.put("/api/v1/reports/" + id,
                with(with(report("Colleague's title", "CLEAR", List.of()), "baseModified", base), "tlp", null));
        assertThat(first.status()).as(first.body()).isEqualTo(200);

        Api.Response late = reporter.put("/api/v1/reports/" + id, with(report("My title", "CLEAR", List.of()), "baseModified", base));

        assertThat(late.status()).isEqualTo(409);
        assertThat(late.json().get("current").get("name").asText()).isEqualTo("Colleague's title");
        assertThat(late.json().get("proposed").get("name").asText()).isEqualTo("My title");
        assertThat(reporter.get("/api/v1/reports/" + id).json().get("content").get("title").asText()).isEqualTo("Colleague's title");
    }

    @Test
    void theHistorySaysWhatChanged() {
        String id = file(reporter, report("Before", "CLEAR", List.of("evil-valdoria.com")));
        String base = reporter.get("/api/v1/reports/" + id).json().get("modified").asText();
        reporter.put("/api/v1/reports/" + id, with(with(report("After", "CLEAR", List.of("evil-valdoria.com", "198.51.100.9")),
                "baseModified", base), "outcome", "SUCCESSFUL"));

        JsonNode history = reporter.get("/api/v1/reports/" + id + "/versions").json();
        assertThat(history).hasSize(2);
        assertThat(history.get(0).get("changes").findValuesAsText("field")).contains("title", "outcome", "observables");
    }

    @Test
    void onlyTheOwningOrganisationEditsAndSharingCanOnlyWiden() {
        String id = file(reporter, with(report("Shared with the agency", "AMBER", List.of()), "organisations", List.of(agency)));
        String base = agencyAnalyst.get("/api/v1/reports/" + id).json().get("modified").asText();

        assertThat(agencyAnalyst.put("/api/v1/reports/" + id, with(report("Hijack", "AMBER", List.of()), "baseModified", base)).status())
                .isEqualTo(403);
        assertThat(reporter.post("/api/v1/reports/" + id + "/sharing", Map.of("tlp", "RED")).status()).isEqualTo(400);
        assertThat(outsider.get("/api/v1/reports/" + id).status()).isEqualTo(404);

        assertThat(reporter.post("/api/v1/reports/" + id + "/sharing", Map.of("tlp", "CLEAR")).status()).isEqualTo(200);
        assertThat(outsider.get("/api/v1/reports/" + id).status()).isEqualTo(200);
    }

    @Test
    void aRevokedReportStopsCorrelating() {
        String first = file(reporter, report("Will be revoked", "CLEAR", List.of("revoked-case-valdoria.com")));
        String second = file(colleague, report("Stays", "CLEAR", List.of("revoked-case-valdoria.com")));

        assertThat(reporter.post("/api/v1/reports/" + first + "/revoke", Map.of()).status()).isEqualTo(200);

        assertThat(reporter.get("/api/v1/reports/" + second + "/related").json().findValuesAsText("id")).doesNotContain(first);
        assertThat(reporter.get("/api/v1/reports/" + first).json().get("revoked").asBoolean()).isTrue();
    }

    @Test
    void commentsCarryTheirOwnMarking() {
        String id = file(reporter, with(report("Commented", "AMBER", List.of()), "organisations", List.of(agency)));
        Api.Response added = agencyAnalyst.post("/api/v1/reports/" + id + "/comments",
                Map.of("text", "We saw the same SMS sender.", "tlp", "AMBER", "organisations", List.of(commission, agency)));
        assertThat(added.status()).as(added.body()).isEqualTo(201);
        agencyAnalyst.post("/api/v1/reports/" + id + "/comments", Map.of("text", "Agency-only note", "tlp", "AMBER",
                "organisations", List.of(agency)));

        List<String> seenByReporter = new ArrayList<>(reporter.get("/api/v1/reports/" + id + "/comments").json().findValuesAsText("text"));
        assertThat(seenByReporter).containsExactly("We saw the same SMS sender.");
        assertThat(outsider.get("/api/v1/reports/" + id + "/comments").status()).isEqualTo(404);
    }

    @Test
    void searchFindsReportsByTextAndFilters() {
        String id = file(reporter, report("Bombardement de messages frauduleux", "CLEAR", List.of()));

        assertThat(outsider.get("/api/v1/reports?q=frauduleux").json().get("reports").findValuesAsText("id")).contains(id);
        assertThat(outsider.get("/api/v1/reports?q=frauduleux&outcome=SUCCESSFUL").json().get("reports").findValuesAsText("id"))
                .doesNotContain(id);
        assertThat(outsider.get("/api/v1/reports?technique=T0085&type=PHISHING").json().get("reports").findValuesAsText("id")).contains(id);
    }
}

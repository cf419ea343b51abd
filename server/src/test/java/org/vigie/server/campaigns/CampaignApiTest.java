package org.vigie.server.campaigns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vigie.server.support.ReportFiling.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.vigie.server.support.Api;
import org.vigie.server.support.Fixtures;
import org.vigie.server.support.ReportFiling;
import org.vigie.server.support.VigieTest;

@VigieTest
class CampaignApiTest {

    @LocalServerPort
    int port;

    Fixtures fixtures;
    UUID election;
    UUID agency;
    Api analyst;
    Api colleague;
    Api outsider;

    @BeforeEach
    void setUp() {
        fixtures = new Fixtures(port);
        election = ReportFiling.election(fixtures);
        agency = fixtures.organisation("GOVERNMENT_AGENCY");
        analyst = fixtures.signedIn(fixtures.account(agency, "ANALYST"));
        colleague = fixtures.signedIn(fixtures.account(agency, "ANALYST"));
        outsider = fixtures.signedIn(fixtures.account(fixtures.organisation("MEDIA"), "ANALYST"));
    }

    static Map<String, Object> campaign(String name, String tlp, List<String> reports) {
        Map<String, Object> campaign = new LinkedHashMap<>();
        campaign.put("name", name);
        campaign.put("description", "One operator behind the fake polling-station pages.");
        campaign.put("reports", reports);
        campaign.put("tlp", tlp);
        return campaign;
    }

    String create(Api who, Map<String, Object> campaign) {
        Api.Response created = who.post("/api/v1/campaigns", campaign);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().get("id").asText();
    }

    @Test
    void aCampaignIsAStixCampaignWhoseMembersAreNotInTheObject() {
        String first = report("Fake page A", election, "https://fake-bureau.example/a").fileAs(analyst);
        String second = report("Fake page B", election, "https://fake-bureau.example/b").with("firstSeen", "2026-10-11T10:00:00Z")
                .fileAs(analyst);

        String id = create(analyst, campaign("Operation Bureau", "CLEAR", List.of(first, second)));

        assertThat(id).startsWith("campaign--");
        JsonNode stix = analyst.get("/api/v1/objects/" + id).json();
        assertThat(stix.get("type").asText()).isEqualTo("campaign");
        assertThat(stix.get("name").asText()).isEqualTo("Operation Bureau");
        assertThat(stix.toString()).as("members and their dates would reveal reports to the campaign's readers")
                .doesNotContain(first, second, "first_seen", "2026-10-11");
        JsonNode view = analyst.get("/api/v1/campaigns/" + id).json();
        assertThat(view.get("reports").findValuesAsText("id")).contains(first, second);
        assertThat(outsider.get("/api/v1/campaigns").json().findValuesAsText("id")).contains(id);
    }

    @Test
    void addingAndRemovingReportsStoresNewVersionsAndIsAudited() {
        String first = report("Kit A", election, "https://kit-a.example/").fileAs(analyst);
        String second = report("Kit B", election, "https://kit-b.example/").fileAs(colleague);
        String id = create(analyst, campaign("Operation Kit", "CLEAR", List.of(first)));

        Api.Response added = colleague.post("/api/v1/campaigns/" + id + "/reports", Map.of("reports", List.of(second)));
        assertThat(added.status()).as(added.body()).isEqualTo(200);
        assertThat(added.json().get("reports").findValuesAsText("id")).containsExactlyInAnyOrder(first, second);

        Api.Response removed = analyst.delete("/api/v1/campaigns/" + id + "/reports/" + first);
        assertThat(removed.status()).as(removed.body()).isEqualTo(200);
        assertThat(removed.json().get("reports").findValuesAsText("id")).containsExactly(second);
        assertThat(removed.json().get("reportCount").asInt()).isEqualTo(1);

        assertThat(analyst.get("/api/v1/objects/" + id + "/versions").json().get("versions")).hasSize(3);
        assertThat(analyst.delete("/api/v1/campaigns/" + id + "/reports/" + first).status()).isEqualTo(404);
        JsonNode audit = fixtures.admin().get("/api/v1/audit?targetType=campaign&targetId=" + id).json().get("entries");
        assertThat(audit.findValuesAsText("action")).contains("campaign.created", "campaign.reports-added", "campaign.report-removed");
    }

    @Test
    void onlyTheOwningOrganisationsAnalystsChangeACampaign() {
        String report = report("Visible to all", election, "https://visible.example/").fileAs(analyst);
        String theirs = report("Outsider's own report", election).fileAs(outsider);
        String id = create(analyst, campaign("Shared campaign", "CLEAR", List.of(report)));

        assertThat(outsider.post("/api/v1/campaigns/" + id + "/reports", Map.of("reports", List.of(theirs))).status()).isEqualTo(403);
        assertThat(outsider.delete("/api/v1/campaigns/" + id + "/reports/" + report).status()).isEqualTo(403);
        Api viewer = fixtures.signedIn(fixtures.account(agency, "VIEWER"));
        assertThat(viewer.post("/api/v1/campaigns/" + id + "/reports", Map.of("reports", List.of(report))).status()).isEqualTo(403);
        assertThat(viewer.post("/api/v1/campaigns", campaign("Viewer's campaign", "CLEAR", List.of(report))).status()).isEqualTo(403);

        assertThat(analyst.get("/api/v1/campaigns/" + id).json().get("reports").findValuesAsText("id")).containsExactly(report);
    }

    @Test
    void aReaderIsShownOnlyTheMemberReportsTheyMaySeeNotEvenTheirNumber() {
        String open = report("Open report", election, "https://open-kit.example/login").fileAs(analyst);
        String secret = report("Agency-only intrusion", election, "203.0.113.99")
                .with("tlp", "AMBER").with("disarmTechniques", List.of("T0086"))
                .with("targets", List.of(Map.of("category", "CANDIDATE"))).fileAs(analyst);
        String id = create(analyst, campaign("Mixed campaign", "CLEAR", List.of(open, secret)));

        Api.Response seen = outsider.get("/api/v1/campaigns/" + id);

        assertThat(seen.status()).isEqualTo(200);
        assertThat(seen.json().get("reports").findValuesAsText("id")).containsExactly(open);
        assertThat(seen.json().get("reportCount").asInt()).isEqualTo(1);
        assertThat(seen.body()).doesNotContain(secret, "Agency-only", "T0086", "203.0.113.99", "CANDIDATE");
        assertThat(seen.json().get("observables").findValuesAsText("value")).anyMatch(v -> v.contains("open-kit.example"));
        assertThat(outsider.get("/api/v1/campaigns").json().toString()).contains("\"reports\":1");

        JsonNode owner = analyst.get("/api/v1/campaigns/" + id).json();
        assertThat(owner.get("reports").findValuesAsText("id")).containsExactlyInAnyOrder(open, secret);
        assertThat(owner.get("techniques").findValuesAsText("id")).contains("T0085", "T0086");
    }

    @Test
    void aReportTheAuthorMayNotSeeIsRefusedLikeAnUnknownOne() {
        String hidden = report("Outsider's AMBER report", election).with("tlp", "AMBER").fileAs(outsider);

        Api.Response refused = analyst.post("/api/v1/campaigns", campaign("Probe", "CLEAR", List.of(hidden)));
        Api.Response unknown = analyst.post("/api/v1/campaigns", campaign("Probe", "CLEAR", List.of("incident--" + UUID.randomUUID())));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(refused.json().get("errors").get(0).get("field").asText()).isEqualTo("reports");
        assertThat(refused.body().replace(hidden, "ID")).isEqualTo(unknown.body().replaceAll("incident--[0-9a-f-]{36}", "ID"));
    }

    @Test
    void listingARedMemberIsAuditedAsAnyListingOfIt() {
        String red = report("Named people only", election).with("tlp", "RED").fileAs(analyst);
        String id = create(analyst, campaign("Red member", "AMBER", List.of(red)));

        assertThat(analyst.get("/api/v1/campaigns/" + id).status()).isEqualTo(200);

        JsonNode listed = fixtures.admin().get("/api/v1/audit?action=report.listed&size=200").json().get("entries");
        assertThat(listed.toString()).contains(red);
    }

    @Test
    void aCampaignMarkedAmberIsNotSeenByOthers() {
        String report = report("Open report", election).fileAs(analyst);
        String id = create(analyst, campaign("Internal campaign", "AMBER", List.of(report)));

        assertThat(outsider.get("/api/v1/campaigns/" + id).status()).isEqualTo(404);
        assertThat(outsider.get("/api/v1/campaigns").json().findValuesAsText("id")).doesNotContain(id);
        assertThat(colleague.get("/api/v1/campaigns/" + id).status()).isEqualTo(200);
    }

    @Test
    void aSuggestionIsACorrelationClusterThatBecomesACampaign() {
        String a = report("Kit seen by the commission", election, "https://suggested-kit.example/login").fileAs(analyst);
        String b = report("Same kit seen by the agency", election, "https://suggested-kit.example/login").fileAs(colleague);
        report("Unrelated", election, "https://other-kit.example/").fileAs(analyst);

        JsonNode suggestions = analyst.get("/api/v1/campaigns/suggestions?election=" + election).json().get("clusters");
        assertThat(suggestions).hasSize(1);
        JsonNode ids = suggestions.get(0).get("reportIds");
        assertThat(ids).extracting(JsonNode::asText).containsExactlyInAnyOrder(a, b);
        List<String> members = new java.util.ArrayList<>();
        ids.forEach(i -> members.add(i.asText()));

        String id = create(analyst, campaign("From a suggestion", "CLEAR", members));

        assertThat(analyst.get("/api/v1/campaigns/" + id).json().get("reports").findValuesAsText("id")).containsExactlyInAnyOrder(a, b);
    }
}

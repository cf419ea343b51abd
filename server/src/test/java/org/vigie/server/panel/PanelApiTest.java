package org.vigie.server.panel;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.vigie.server.support.Api;
import org.vigie.server.support.Fixtures;
import org.vigie.server.support.ReportFiling;
import org.vigie.server.support.VigieTest;

/** The REST API under /api/v1/panels: the workflow end to end, and bad input answered with the right status and a clear reason. */
@VigieTest
class PanelApiTest {

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    @Autowired
    JdbcClient jdbc;

    PanelFixtures fixtures;

    @BeforeEach
    void fixtures() {
        fixtures = new PanelFixtures(port, context);
    }

    private static Map<String, Object> assessment(String position) {
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("criteria", List.of(
                Map.of("criterion", "UNDERMINES_FREE_FAIR_ELECTION", "rating", "HIGH", "justification", "Polling stations named falsely."),
                Map.of("criterion", "UNDERMINES_CREDIBILITY", "rating", "MODERATE", "justification", "Picked up by two outlets."),
                Map.of("criterion", "CONFIDENCE_IN_INFORMATION", "rating", "HIGH", "justification", "Confirmed by the commission."),
                Map.of("criterion", "PROXIMITY_TO_ELECTION_DAY", "rating", "HIGH", "justification", "Two days before.")));
        a.put("responseOptions", List.of(Map.of("option", "ENGAGE_PLATFORMS", "note", "Ask for labels.")));
        a.put("position", position);
        a.put("rationale", "My reasons.");
        return a;
    }

    private static String detail(Api.Response response) {
        return response.json().path("detail").asText();
    }

    @Test
    void theWorkflowThroughTheApi() {
        Api admin = fixtures.fixtures().admin();
        String name = Fixtures.unique("Panel");
        Api.Response created = admin.post("/api/v1/panels", Map.of("name", name, "rule", "CONSENSUS", "mandateEn", "Inform the public."));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String panel = created.json().path("id").asText();
        UUID org = fixtures.fixtures().organisation("RESEARCH");
        String alice = fixtures.fixtures().account(org, "ANALYST");
        String bob = fixtures.fixtures().account(fixtures.fixtures().organisation("RESEARCH"), "ANALYST");
        for (String username : List.of(alice, bob)) {
            String account = fixtures.member(username).accountId().toString();
            Api.Response added = admin.post("/api/v1/panels/" + panel + "/members", Map.of("accountId", account, "publicTitle", "Former judge"));
            assertThat(added.status()).as(added.toString()).isEqualTo(201);
        }
        UUID emb = fixtures.fixtures().organisation("ELECTION_MANAGEMENT_BODY");
        Api analyst = fixtures.fixtures().signedIn(fixtures.fixtures().account(emb, "ANALYST"));
        String report = ReportFiling.report("Fake closures " + UUID.randomUUID(), null).fileAs(analyst);

        Api.Response referred = analyst.post("/api/v1/panels/" + panel + "/referrals",
                Map.of("title", "Fake closures", "coverNote", "Spreading fast.", "subjectIds", List.of(report)));
        assertThat(referred.status()).as(referred.toString()).isEqualTo(201);
        String referral = referred.json().path("id").asText();
        assertThat(referred.json().path("kind").asText()).isEqualTo("REPORT");
        assertThat(referred.json().has("recusals")).as("the analyst learns nothing of members' interests").isFalse();

        Api a = fixtures.fixtures().signedIn(alice);
        Api b = fixtures.fixtures().signedIn(bob);
        JsonNode queue = a.get("/api/v1/panels/" + panel + "/queue").json();
        assertThat(queue.findValuesAsText("title")).contains("Fake closures");
        assertThat(queue.get(0).has("ageSeconds")).isTrue();

        assertThat(a.post("/api/v1/panels/referrals/" + referral + "/assessments", assessment("ANNOUNCE")).status()).isEqualTo(201);
        Api.Response pending = a.post("/api/v1/panels/referrals/" + referral + "/decisions", Map.of("rationale", "Now."));
        assertThat(pending.status()).isEqualTo(409);
        assertThat(detail(pending)).contains("waiting for 1 of 2 members");
        assertThat(b.post("/api/v1/panels/referrals/" + referral + "/assessments", assessment("ANNOUNCE")).status()).isEqualTo(201);

        JsonNode workspace = b.get("/api/v1/panels/referrals/" + referral).json();
        assertThat(workspace.path("subjects").get(0).path("title").asText()).startsWith("Fake closures");
        assertThat(workspace.path("tally").path("outcome").asText()).isEqualTo("PUBLIC_ANNOUNCEMENT");
        assertThat(workspace.path("mayDecide").asBoolean()).isTrue();

        Api.Response decided = b.post("/api/v1/panels/referrals/" + referral + "/decisions",
                Map.of("rationale", "Both in favour.", "responseOptions", List.of(Map.of("option", "PRIVATE_NOTICE_TO_TARGETS"))));
        assertThat(decided.status()).as(decided.toString()).isEqualTo(201);
        assertThat(decided.json().path("outcome").asText()).isEqualTo("PUBLIC_ANNOUNCEMENT");
        String decision = decided.json().path("id").asText();
        assertThat(b.post("/api/v1/panels/referrals/" + referral + "/decisions", Map.of("rationale", "Again.")).status()).isEqualTo(409);

        Api.Response corrected = a.post("/api/v1/panels/decisions/" + decision + "/corrections",
                Map.of("reason", "Typo in the rationale.", "rationale", "Both members in favour."));
        assertThat(corrected.status()).as(corrected.toString()).isEqualTo(201);
        assertThat(a.get("/api/v1/panels/referrals/" + referral + "/decisions").json().findValuesAsText("id")).containsExactly(decision,
                corrected.json().path("id").asText());

        // the referring analyst sees the status, not the deliberation
        assertThat(analyst.get("/api/v1/panels/referrals/mine").json().findValuesAsText("status")).contains("DECIDED");
        assertThat(analyst.get("/api/v1/panels/referrals/mine").body()).doesNotContain("recusals", "coverNote");
        assertThat(analyst.get("/api/v1/panels/referrals/" + referral).status()).isEqualTo(404);
        // the panel's composition is for its members and platform administrators
        assertThat(analyst.get("/api/v1/panels/" + panel).json().path("members").isNull()).isTrue();
        assertThat(a.get("/api/v1/panels/" + panel).json().path("members").findValuesAsText("publicTitle")).containsOnly("Former judge");

        Long audited = jdbc.sql("SELECT count(*) FROM audit_log WHERE target_id IN (:ids) AND action LIKE 'panel.%'")
                .param("ids", List.of(panel, referral)).query(Long.class).single();
        assertThat(audited).isEqualTo(1 + 2 + 1 + 2 + 1 + 1); // created, 2 members, referred, 2 assessed, decided, corrected
    }

    @Test
    void badPanelsAreRefusedNamingTheField() {
        Api admin = fixtures.fixtures().admin();
        Api.Response wrongRule = admin.post("/api/v1/panels", Map.of("name", Fixtures.unique("P"), "rule", "MAJORITY"));
        assertThat(wrongRule.status()).isEqualTo(400);
        assertThat(detail(wrongRule)).contains("rule", "MAJORITY", "CONSENSUS", "QUORUM");
        Api.Response noQuorum = admin.post("/api/v1/panels", Map.of("name", Fixtures.unique("P"), "rule", "QUORUM"));
        assertThat(noQuorum.status()).isEqualTo(400);
        assertThat(noQuorum.json().path("errors").get(0).path("field").asText()).isEqualTo("quorum");
        Api.Response noName = admin.post("/api/v1/panels", Map.of("name", " "));
        assertThat(noName.status()).isEqualTo(400);
        String name = Fixtures.unique("P");
        assertThat(admin.post("/api/v1/panels", Map.of("name", name)).status()).isEqualTo(201);
        assertThat(admin.post("/api/v1/panels", Map.of("name", name.toUpperCase())).status()).isEqualTo(409);
        Api analyst = fixtures.fixtures().signedIn(fixtures.fixtures().account(fixtures.fixtures().organisation("MEDIA"), "ADMINISTRATOR"));
        assertThat(analyst.post("/api/v1/panels", Map.of("name", Fixtures.unique("P"))).status()).isEqualTo(403);
        assertThat(admin.get("/api/v1/panels/" + UUID.randomUUID()).status()).isEqualTo(404);
        assertThat(admin.get("/api/v1/panels/not-an-id").status()).isEqualTo(404);
        Api.Response unknownAccount = admin.post("/api/v1/panels/" + admin.get("/api/v1/panels").json().get(0).path("id").asText() + "/members",
                Map.of("accountId", UUID.randomUUID().toString()));
        assertThat(unknownAccount.status()).isEqualTo(400);
        assertThat(detail(unknownAccount)).contains("No account");
    }

    @Test
    void badAssessmentsReferralsAndDecisionsAreRefusedWithTheRightStatus() {
        PanelFixtures.Setup setup = fixtures.panel(3);
        Referral referral = fixtures.refer(setup, fixtures.report(setup, "Bad input " + UUID.randomUUID()));
        String base = "/api/v1/panels/referrals/" + referral.id();
        Api member = fixtures.api(setup.memberUsernames().get(0));

        Map<String, Object> wrongPosition = assessment("MAYBE");
        Api.Response wrongEnum = member.post(base + "/assessments", wrongPosition);
        assertThat(wrongEnum.status()).isEqualTo(400);
        assertThat(detail(wrongEnum)).contains("position", "MAYBE", "ANNOUNCE");

        Map<String, Object> wrongCriterion = assessment("ANNOUNCE");
        wrongCriterion.put("criteria", List.of(Map.of("criterion", "VIBES", "rating", "HIGH", "justification", "x")));
        Api.Response unknownCriterion = member.post(base + "/assessments", wrongCriterion);
        assertThat(unknownCriterion.status()).isEqualTo(400);
        assertThat(detail(unknownCriterion)).contains("criteria[0].criterion", "VIBES");

        Map<String, Object> missing = assessment("ANNOUNCE");
        missing.put("criteria", List.of(Map.of("criterion", "UNDERMINES_FREE_FAIR_ELECTION", "rating", "HIGH", "justification", "x")));
        Api.Response incomplete = member.post(base + "/assessments", missing);
        assertThat(incomplete.status()).isEqualTo(400);
        assertThat(detail(incomplete)).contains("UNDERMINES_CREDIBILITY");

        Map<String, Object> unjustified = assessment("ANNOUNCE");
        unjustified.put("criteria", List.of(
                Map.of("criterion", "UNDERMINES_FREE_FAIR_ELECTION", "rating", "HIGH", "justification", " "),
                Map.of("criterion", "UNDERMINES_CREDIBILITY", "rating", "HIGH", "justification", "x"),
                Map.of("criterion", "CONFIDENCE_IN_INFORMATION", "rating", "HIGH", "justification", "x")));
        Api.Response noJustification = member.post(base + "/assessments", unjustified);
        assertThat(noJustification.status()).isEqualTo(400);
        assertThat(noJustification.json().path("errors").get(0).path("field").asText()).isEqualTo("criteria[0].justification");

        Map<String, Object> noRationale = assessment("ANNOUNCE");
        noRationale.put("rationale", "");
        assertThat(member.post(base + "/assessments", noRationale).status()).isEqualTo(400);
        // nothing half-written: no assessment was stored by any of these
        assertThat(member.get(base + "/assessments").json()).isEmpty();

        assertThat(member.post("/api/v1/panels/referrals/" + UUID.randomUUID() + "/assessments", assessment("ANNOUNCE")).status()).isEqualTo(404);
        assertThat(member.post("/api/v1/panels/referrals/nope/assessments", assessment("ANNOUNCE")).status()).isEqualTo(404);
        Api.Response pending = member.post(base + "/decisions", Map.of("rationale", "Early."));
        assertThat(pending.status()).isEqualTo(409);
        assertThat(detail(pending)).contains("waiting for 3 of 3 members");

        // recused: 403 for an assessment and for a decision, with the reason
        assertThat(member.post(base + "/recusals", Map.of("reason", "I advised one of the targets.")).status()).isEqualTo(201);
        Api.Response recusedAssessment = member.post(base + "/assessments", assessment("ANNOUNCE"));
        assertThat(recusedAssessment.status()).isEqualTo(403);
        assertThat(detail(recusedAssessment)).contains("recused", "I advised one of the targets.");
        fixtures.assess(setup.member(1), referral.id(), org.vigie.core.panel.Position.ANNOUNCE);
        fixtures.assess(setup.member(2), referral.id(), org.vigie.core.panel.Position.ANNOUNCE);
        Api.Response recusedDecision = member.post(base + "/decisions", Map.of("rationale", "Mine."));
        assertThat(recusedDecision.status()).isEqualTo(403);
        assertThat(member.post(base + "/recusals", Map.of("reason", "again")).status()).isEqualTo(409);

        // a non-member: 404 on everything about the referral
        Api stranger = fixtures.fixtures().signedIn(fixtures.fixtures().account(fixtures.fixtures().organisation("MEDIA"), "ANALYST"));
        assertThat(stranger.post(base + "/decisions", Map.of("rationale", "Mine.")).status()).isEqualTo(404);
        assertThat(stranger.get(base).status()).isEqualTo(404);
        assertThat(stranger.get("/api/v1/panels/" + setup.panelId() + "/queue").status()).isEqualTo(404);

        // referral input
        Api analyst = fixtures.api(setup.analystUsername());
        Api.Response none = analyst.post("/api/v1/panels/" + setup.panelId() + "/referrals", Map.of("title", "t", "subjectIds", List.of()));
        assertThat(none.status()).isEqualTo(400);
        String report = fixtures.report(setup, "Twice " + UUID.randomUUID());
        Api.Response twice = analyst.post("/api/v1/panels/" + setup.panelId() + "/referrals", Map.of("title", "t", "subjectIds", List.of(report, report)));
        assertThat(twice.status()).isEqualTo(400);
        assertThat(twice.json().path("errors").get(0).path("field").asText()).isEqualTo("subjectIds[1]");
        String amber = fixtures.report(setup, ReportFiling.report("Amber " + UUID.randomUUID(), null).with("tlp", "AMBER"));
        Api.Response invisible = stranger.post("/api/v1/panels/" + setup.panelId() + "/referrals", Map.of("title", "t", "subjectIds", List.of(amber)));
        assertThat(invisible.status()).isEqualTo(400);
        assertThat(detail(invisible)).contains("that you may see");
        assertThat(analyst.post("/api/v1/panels/" + UUID.randomUUID() + "/referrals", Map.of("title", "t", "subjectIds", List.of(report))).status())
                .isEqualTo(404);
    }
}

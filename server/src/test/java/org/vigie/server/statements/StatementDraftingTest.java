package org.vigie.server.statements;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
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
import org.vigie.server.support.VigieTest;

/**
 * Drafting a statement from the template, its versions, and its approval under the panel's decision
 * rule; what is refused, with the field and the reason; and who may do any of it: the panel's members
 * who take part in the referral, nobody else.
 */
@VigieTest
class StatementDraftingTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ApplicationContext context;

    Fixtures fixtures;
    StatementFixtures panel;

    @BeforeEach
    void setUp() {
        panel = new StatementFixtures(port, context, jdbc);
        fixtures = panel.fixtures();
    }

    private static UUID id(Api.Response created) {
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return UUID.fromString(created.json().at("/statement/id").asText());
    }

    private int statementsAbout(UUID decision) {
        return jdbc.sql("SELECT count(*) FROM panel_statements WHERE decision_id = :d").param("d", decision).query(Integer.class).single();
    }

    // ---- the template and drafting --------------------------------------------------------------

    @Test
    void theTemplateGivesTheFiveSectionsAndATitleInBothLanguagesAndPrefillsOnlyPublicFacts() {
        StatementFixtures.Case c = panel.decided(2, null, "PUBLIC_ANNOUNCEMENT");

        Api.Response template = c.members().get(0).client().get("/api/v1/statements/template?decisionId=" + c.decision());

        assertThat(template.status()).as(template.toString()).isEqualTo(200);
        JsonNode t = template.json();
        assertThat(t.get("en").findValuesAsText("property")).containsExactly("title", "whatHappened", "whoIsAffected", "whatToDo",
                "whatIsBeingDone", "howThePanelDecided");
        assertThat(t.get("en").findValuesAsText("heading")).contains("What happened", "Who is affected", "What citizens should do",
                "What is being done", "How the panel decided");
        assertThat(t.get("fr").findValuesAsText("heading")).contains("Ce qui s’est passé", "Comment le panel a décidé");
        assertThat(t.at("/prefillEn/howThePanelDecided").asText()).contains("by consensus");
        assertThat(t.at("/prefillFr/howThePanelDecided").asText()).contains("par consensus");
        assertThat(t.at("/prefillEn/whatHappened").asText()).isEmpty();
        assertThat(t.get("electionId").asText()).isEqualTo(c.election().toString());
        assertThat(template.body()).doesNotContain(StatementFixtures.RESTRICTED_TITLE, StatementFixtures.RESTRICTED_NOTE, "The panel's rationale", "Justification of", c.reportId());
    }

    @Test
    void aMemberDraftsAStatementAndEachRevisionIsANewVersion() {
        StatementFixtures.Case c = panel.decided(2, null, "PUBLIC_ANNOUNCEMENT");
        Api member = c.members().get(0).client();

        Api.Response created = member.post("/api/v1/statements", StatementFixtures.request(c.decision(), "v1"));
        UUID id = id(created);
        JsonNode s = created.json();
        assertThat(s.at("/statement/status").asText()).isEqualTo("DRAFT");
        assertThat(s.at("/statement/slug").asText()).startsWith("fake-election-commission-website-v1-");
        assertThat(s.at("/current/incidentType").asText()).isEqualTo("IMPERSONATION");
        assertThat(s.at("/current/cyclePhase").asText()).isEqualTo("CAMPAIGN");

        Map<String, Object> revised = StatementFixtures.request(null, "v2");
        revised.put("baseVersion", 1);
        Api.Response second = member.put("/api/v1/statements/" + id, revised);
        assertThat(second.status()).as(second.toString()).isEqualTo(200);
        assertThat(second.json().at("/statement/currentVersion").asInt()).isEqualTo(2);
        assertThat(member.get("/api/v1/statements/" + id + "/versions/1").json().at("/en/title").asText())
                .isEqualTo("Fake election commission website v1");
        assertThat(member.get("/api/v1/statements/" + id + "/versions").json().findValuesAsText("version")).containsExactly("1", "2");

        Map<String, Object> stale = StatementFixtures.request(null, "lost update");
        stale.put("baseVersion", 1);
        Api.Response conflict = member.put("/api/v1/statements/" + id, stale);
        assertThat(conflict.status()).isEqualTo(409);
        assertThat(conflict.json().get("detail").asText()).contains("version 2");
        assertThat(jdbc.sql("SELECT count(*) FROM audit_log WHERE action IN ('statement.drafted', 'statement.revised') AND target_id = :id")
                .param("id", id.toString()).query(Integer.class).single()).isEqualTo(2);
    }

    // ---- approval under the panel's rule --------------------------------------------------------

    @Test
    void underConsensusEveryMemberWhoIsNotRecusedApprovesAndTheRecusedMemberTakesNoPart() {
        StatementFixtures.Case c = panel.decided(3, null, "PUBLIC_ANNOUNCEMENT", 2);
        StatementFixtures.Person recused = c.members().get(2);
        UUID id = id(c.members().get(0).client().post("/api/v1/statements", StatementFixtures.request(c.decision(), "consensus")));

        Api.Response first = c.members().get(0).client().post("/api/v1/statements/" + id + "/approvals", Map.of("version", 1));
        assertThat(first.status()).isEqualTo(201);
        assertThat(first.json().get("approved").asBoolean()).isFalse();
        assertThat(first.json().get("eligible").asInt()).isEqualTo(2);
        assertThat(first.json().get("pendingReason").asText()).contains("waiting for 1 of 2");

        Api.Response byRecused = recused.client().post("/api/v1/statements/" + id + "/approvals", Map.of("version", 1));
        assertThat(byRecused.status()).isEqualTo(403);
        assertThat(byRecused.json().get("detail").asText()).contains("recused", "declared interest");
        assertThat(recused.client().get("/api/v1/statements/" + id).status()).as("a recused member does not read the draft").isEqualTo(403);

        Api.Response second = c.members().get(1).client().post("/api/v1/statements/" + id + "/approvals", Map.of("version", 1));
        assertThat(second.json().get("approved").asBoolean()).isTrue();
        assertThat(c.members().get(0).client().get("/api/v1/statements/" + id).json().at("/statement/status").asText()).isEqualTo("APPROVED");
        assertThat(jdbc.sql("SELECT count(*) FROM panel_statement_approvals WHERE statement_id = :s").param("s", id).query(Integer.class)
                .single()).isEqualTo(2);
    }

    @Test
    void underAQuorumRuleEnoughApprovalsApprove() {
        StatementFixtures.Case c = panel.decided(4, 2, "PUBLIC_ANNOUNCEMENT");
        UUID id = id(c.members().get(0).client().post("/api/v1/statements", StatementFixtures.request(c.decision(), "quorum")));

        assertThat(c.members().get(0).client().post("/api/v1/statements/" + id + "/approvals", Map.of("version", 1)).json()
                .get("approved").asBoolean()).isFalse();
        assertThat(c.members().get(3).client().post("/api/v1/statements/" + id + "/approvals", Map.of("version", 1)).json()
                .get("approved").asBoolean()).isTrue();
    }

    @Test
    void approvalIsOfTheCurrentVersionOnceByEachMemberAndANewVersionNeedsANewApproval() {
        StatementFixtures.Case c = panel.decided(1, null, "PUBLIC_ANNOUNCEMENT");
        Api member = c.members().get(0).client();
        UUID id = id(member.post("/api/v1/statements", StatementFixtures.request(c.decision(), "versions")));
        assertThat(member.post("/api/v1/statements/" + id + "/approvals", Map.of("version", 1)).json().get("approved").asBoolean()).isTrue();

        assertThat(member.post("/api/v1/statements/" + id + "/approvals", Map.of("version", 1)).status()).as("approved already").isEqualTo(409);
        assertThat(member.put("/api/v1/statements/" + id, StatementFixtures.request(null, "after approval")).json()
                .at("/statement/status").asText()).isEqualTo("DRAFT");

        Api.Response old = member.post("/api/v1/statements/" + id + "/approvals", Map.of("version", 1));
        assertThat(old.status()).isEqualTo(409);
        assertThat(old.json().get("detail").asText()).contains("not the current version");
        assertThat(member.post("/api/v1/statements/" + id + "/approvals", Map.of()).status()).isEqualTo(400);
        assertThat(member.post("/api/v1/statements/" + id + "/approvals", Map.of("version", 2)).json().get("approved").asBoolean()).isTrue();
    }

    // ---- bad input ------------------------------------------------------------------------------

    @Test
    void noStatementWithoutADecisionToInformThePublic() {
        StatementFixtures.Case c = panel.decided(1, null, "PUBLIC_ANNOUNCEMENT");
        Api member = c.members().get(0).client();

        Map<String, Object> noDecision = StatementFixtures.request(null, "none");
        Api.Response missing = member.post("/api/v1/statements", noDecision);
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.json().get("errors").findValuesAsText("field")).containsExactly("decisionId");

        Map<String, Object> undecided = StatementFixtures.request(null, "undecided");
        undecided.put("referralId", panel.undecidedReferral(c).toString());
        Api.Response pending = member.post("/api/v1/statements", undecided);
        assertThat(pending.status()).isEqualTo(409);
        assertThat(pending.json().get("detail").asText()).contains("has no decision");

        Api.Response unknown = member.post("/api/v1/statements", StatementFixtures.request(UUID.randomUUID(), "unknown"));
        assertThat(unknown.status()).isEqualTo(404);

        StatementFixtures.Case declined = panel.decided(1, null, "NO_PUBLIC_ANNOUNCEMENT");
        Api.Response no = declined.members().get(0).client().post("/api/v1/statements", StatementFixtures.request(declined.decision(), "no"));
        assertThat(no.status()).isEqualTo(409);
        assertThat(no.json().get("detail").asText()).contains("NO_PUBLIC_ANNOUNCEMENT", "decided not to inform the public");
        assertThat(statementsAbout(declined.decision())).isZero();

        UUID correction = panel.correctTo(c.decision(), "PUBLIC_ANNOUNCEMENT");
        Api.Response superseded = member.post("/api/v1/statements", StatementFixtures.request(c.decision(), "superseded"));
        assertThat(superseded.status()).isEqualTo(409);
        assertThat(superseded.json().get("detail").asText()).contains("corrected");

        id(member.post("/api/v1/statements", StatementFixtures.request(correction, "first")));
        assertThat(member.post("/api/v1/statements", StatementFixtures.request(correction, "second")).status()).isEqualTo(409);
        assertThat(statementsAbout(correction)).isEqualTo(1);
    }

    @Test
    void emptyFrenchOrEnglishTextIsRefusedNamingThePartAndNothingIsWritten() {
        StatementFixtures.Case c = panel.decided(1, null, "PUBLIC_ANNOUNCEMENT");
        Api member = c.members().get(0).client();

        Map<String, Object> emptyFrench = StatementFixtures.request(c.decision(), "empty fr");
        Map<String, String> fr = new LinkedHashMap<>(StatementFixtures.text("Titre", "Texte"));
        fr.put("whatHappened", "   ");
        emptyFrench.put("fr", fr);
        Api.Response refused = member.post("/api/v1/statements", emptyFrench);
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().get("errors").findValuesAsText("field")).containsExactly("fr.whatHappened");
        assertThat(refused.json().get("detail").asText()).contains("French");

        Map<String, Object> noEnglish = StatementFixtures.request(c.decision(), "no en");
        noEnglish.remove("en");
        Api.Response missing = member.post("/api/v1/statements", noEnglish);
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.json().get("errors").findValuesAsText("field")).containsExactly("en");

        Map<String, Object> emptyEnglishTitle = StatementFixtures.request(c.decision(), "no en title");
        Map<String, String> en = new LinkedHashMap<>(StatementFixtures.text("", "Text"));
        emptyEnglishTitle.put("en", en);
        assertThat(member.post("/api/v1/statements", emptyEnglishTitle).json().get("errors").findValuesAsText("field"))
                .containsExactly("en.title");
        assertThat(statementsAbout(c.decision())).isZero();

        UUID id = id(member.post("/api/v1/statements", StatementFixtures.request(c.decision(), "fine")));
        Map<String, Object> emptied = StatementFixtures.request(null, "emptied");
        Map<String, String> emptiedFr = new LinkedHashMap<>(StatementFixtures.text("Titre", "Texte"));
        emptiedFr.put("whatToDo", "");
        emptied.put("fr", emptiedFr);
        Api.Response revision = member.put("/api/v1/statements/" + id, emptied);
        assertThat(revision.status()).isEqualTo(400);
        assertThat(revision.json().get("errors").findValuesAsText("field")).containsExactly("fr.whatToDo");
        assertThat(member.get("/api/v1/statements/" + id).json().at("/statement/currentVersion").asInt()).isEqualTo(1);
    }

    @Test
    void wrongEnumsUnknownIdsAndATooEarlyScheduleAreRefusedNamingTheField() {
        StatementFixtures.Case c = panel.decided(1, null, "PUBLIC_ANNOUNCEMENT");
        Api member = c.members().get(0).client();

        Map<String, Object> type = StatementFixtures.request(c.decision(), "type");
        type.put("incidentType", "alien-invasion");
        Api.Response badType = member.post("/api/v1/statements", type);
        assertThat(badType.status()).isEqualTo(400);
        assertThat(badType.json().get("errors").findValuesAsText("field")).containsExactly("incidentType");
        assertThat(badType.json().get("detail").asText()).contains("alien-invasion", "impersonation");

        Map<String, Object> phase = StatementFixtures.request(c.decision(), "phase");
        phase.put("cyclePhase", "AFTERPARTY");
        assertThat(member.post("/api/v1/statements", phase).json().get("errors").findValuesAsText("field")).containsExactly("cyclePhase");

        Map<String, Object> election = StatementFixtures.request(c.decision(), "election");
        election.put("electionId", UUID.randomUUID().toString());
        assertThat(member.post("/api/v1/statements", election).json().get("errors").findValuesAsText("field")).containsExactly("electionId");

        Map<String, Object> notAnId = StatementFixtures.request(c.decision(), "not an id");
        notAnId.put("electionId", "not-a-uuid");
        Api.Response malformed = member.post("/api/v1/statements", notAnId);
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.json().get("errors").findValuesAsText("field")).containsExactly("electionId");
        assertThat(statementsAbout(c.decision())).isZero();

        assertThat(member.get("/api/v1/statements/" + UUID.randomUUID()).status()).isEqualTo(404);
        assertThat(member.get("/api/v1/statements/not-a-uuid").status()).as("a malformed id is no id, as everywhere in the API").isEqualTo(404);
        assertThat(member.post("/api/v1/statements/" + UUID.randomUUID() + "/approvals", Map.of("version", 1)).status()).isEqualTo(404);

        UUID id = id(member.post("/api/v1/statements", StatementFixtures.request(c.decision(), "schedule")));
        Api.Response soon = member.put("/api/v1/statements/" + id + "/schedule",
                Map.of("scheduledFor", Instant.now().plus(10, ChronoUnit.MINUTES).toString()));
        assertThat(soon.status()).isEqualTo(400);
        assertThat(soon.json().get("errors").findValuesAsText("field")).containsExactly("scheduledFor");
        assertThat(soon.json().get("detail").asText()).contains("too soon", "120 minutes");
        assertThat(member.put("/api/v1/statements/" + id + "/schedule", Map.of("scheduledFor", "tomorrow")).status()).isEqualTo(400);
        assertThat(member.post("/api/v1/statements/" + id + "/corrections", Map.of("textFr", "x", "textEn", "y")).status())
                .as("a draft is revised, not corrected").isEqualTo(409);
        assertThat(member.post("/api/v1/statements/readability", Map.of("language", "de", "text", "Hallo")).json()
                .get("errors").findValuesAsText("field")).containsExactly("language");
    }

    // ---- access ---------------------------------------------------------------------------------

    @Test
    void onlyThePanelsMembersWhoTakePartSeeDraftOrApproveAStatement() {
        StatementFixtures.Case c = panel.decided(2, null, "PUBLIC_ANNOUNCEMENT");
        StatementFixtures.Case other = panel.decided(1, null, "PUBLIC_ANNOUNCEMENT");
        Api outsider = panel.person(fixtures.organisation("MEDIA"), "ADMINISTRATOR").client();
        Api otherPanel = other.members().get(0).client();

        for (Api stranger : new Api[] {outsider, otherPanel, fixtures.admin()}) {
            assertThat(stranger.post("/api/v1/statements", StatementFixtures.request(c.decision(), "stranger")).status()).isEqualTo(404);
            assertThat(stranger.get("/api/v1/statements/template?decisionId=" + c.decision()).status()).isEqualTo(404);
        }
        assertThat(statementsAbout(c.decision())).isZero();

        UUID id = id(c.members().get(0).client().post("/api/v1/statements", StatementFixtures.request(c.decision(), "members only")));
        for (Api stranger : new Api[] {outsider, otherPanel, fixtures.admin()}) {
            assertThat(stranger.get("/api/v1/statements/" + id).status()).isEqualTo(404);
            assertThat(stranger.put("/api/v1/statements/" + id, StatementFixtures.request(null, "x")).status()).isEqualTo(404);
            assertThat(stranger.post("/api/v1/statements/" + id + "/approvals", Map.of("version", 1)).status()).isEqualTo(404);
            assertThat(stranger.get("/api/v1/statements").json().findValuesAsText("id")).doesNotContain(id.toString());
        }
        assertThat(fixtures.anonymous().get("/api/v1/statements/" + id).status()).isEqualTo(401);
        assertThat(c.members().get(1).client().get("/api/v1/statements").json().findValuesAsText("id")).contains(id.toString());
        assertThat(jdbc.sql("SELECT count(*) FROM panel_statement_approvals WHERE statement_id = :s").param("s", id).query(Integer.class)
                .single()).isZero();
    }
}

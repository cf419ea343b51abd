package org.vigie.server.response;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.vigie.server.support.Api;
import org.vigie.server.support.Fixtures;
import org.vigie.server.support.VigieTest;

/** Activating a protocol: level 1 and only level 1 is alerted, in the outbox, never beyond who may see the subject. */
@VigieTest
class ResponseActivationTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    ResponseCell cell;

    @BeforeEach
    void cell() {
        cell = new ResponseCell(port);
    }

    private List<String> recipientsOf(UUID board) {
        return jdbc.sql("""
                SELECT a.username || ':' || n.channel FROM notifications n JOIN accounts a ON a.id = n.recipient_account
                WHERE n.payload ->> 'board' = :board ORDER BY 1""").param("board", board.toString()).query(String.class).list();
    }

    private UUID activate(Api who, UUID protocol, String subject) {
        Api.Response activated = who.post("/api/v1/response/activations", Map.of("protocolId", protocol.toString(), "subjectId", subject));
        assertThat(activated.status()).as(activated.toString()).isEqualTo(201);
        return UUID.fromString(activated.json().get("boardId").asText());
    }

    @Test
    void activationOpensABoardAndAlertsTheFirstLevelsPeopleOnly() {
        UUID protocol = cell.createProtocol(Fixtures.unique("Phishing"));
        String report = cell.greenReport("Phishing of the election office " + UUID.randomUUID());
        Api analyst = cell.as(cell.analystA1);

        JsonNode suggestions = analyst.get("/api/v1/response/suggestions?subject=" + report).json();
        assertThat(suggestions.path("severity").asText()).isEqualTo("MODERATE");
        assertThat(suggestions.path("suggested").findValuesAsText("id")).contains(protocol.toString());

        UUID board = activate(analyst, protocol, report);
        // level 1 = A's analysts; A's administrator, B and C are not alerted yet; one in-app notification each (no e-mail address)
        assertThat(recipientsOf(board)).containsExactlyInAnyOrder(cell.analystA1 + ":IN_APP", cell.analystA2 + ":IN_APP");
        JsonNode payload = jdbc.sql("SELECT payload FROM notifications WHERE payload ->> 'board' = :b LIMIT 1").param("b", board.toString())
                .query(String.class).optional().map(s -> {
                    try {
                        return new com.fasterxml.jackson.databind.ObjectMapper().readTree(s);
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                }).orElseThrow();
        assertThat(payload.path("kind").asText()).isEqualTo("protocol-alert");
        assertThat(payload.path("link").asText()).isEqualTo("/response/boards/" + board);

        assertThat(analyst.post("/api/v1/response/activations", Map.of("protocolId", protocol.toString(), "subjectId", report)).status())
                .isEqualTo(409);

        JsonNode view = cell.as(cell.analystB).get("/api/v1/response/boards/" + board).json();
        assertThat(view.path("levels")).hasSize(1);
        assertThat(view.path("levels").path(0).path("alerted")).hasSize(2);
        assertThat(view.path("tasks").findValuesAsText("title")).containsExactly("Confirm the facts", "Preserve the evidence");
        assertThat(view.path("countermeasures")).isNotEmpty(); // T0085's tactic has DISARM countermeasures

        // the alert is in the recipient's notification centre and links to the board
        JsonNode centre = cell.as(cell.analystA2).get("/api/v1/notifications").json();
        assertThat(centre.path("notifications").findValuesAsText("link")).contains("/response/boards/" + board);
    }

    @Test
    void aViewerCannotActivateAndAStrangerCannotActivateOrSeeAnything() {
        UUID protocol = cell.createProtocol(Fixtures.unique("Phishing"));
        String report = cell.report("Public phishing " + UUID.randomUUID(), "CLEAR", Map.of());
        Api viewer = cell.as(cell.fixtures.account(cell.orgA, "VIEWER"));
        assertThat(viewer.post("/api/v1/response/activations", Map.of("protocolId", protocol.toString(), "subjectId", report)).status())
                .isEqualTo(403);
        // D may see the CLEAR report but takes no part in the community
        Api stranger = cell.as(cell.analystD);
        assertThat(stranger.post("/api/v1/response/activations", Map.of("protocolId", protocol.toString(), "subjectId", report)).status())
                .isEqualTo(403);
        UUID board = activate(cell.as(cell.analystA1), protocol, report);
        assertThat(stranger.get("/api/v1/response/boards/" + board).status()).isEqualTo(404);
        assertThat(stranger.get("/api/v1/response/boards").body()).doesNotContain(board.toString());
    }

    @Test
    void aBoardAndItsAlertsNeverReachThoseWhoCannotSeeTheSubject() {
        UUID protocol = cell.createProtocol(Fixtures.unique("Phishing"));
        // AMBER to B only: C (level 3) and D may not see it; A owns it
        String report = cell.report("Amber phishing " + UUID.randomUUID(), "AMBER", Map.of("organisations", List.of(cell.orgB.toString())));
        Map<String, Object> p = cell.protocol(Fixtures.unique("All at once"));
        p.put("levels", List.of(Map.of("name", "Everyone", "organisations", List.of(cell.orgA.toString(), cell.orgB.toString(), cell.orgC.toString()),
                "roles", List.of("ANALYST"), "acknowledgeWithinMinutes", 30)));
        Api.Response created = cell.adminA.post("/api/v1/communities/" + cell.community + "/protocols", p);
        assertThat(created.status()).isEqualTo(201);
        UUID everyone = UUID.fromString(created.json().get("id").asText());

        Api.Response activated = cell.as(cell.analystA1).post("/api/v1/response/activations",
                Map.of("protocolId", everyone.toString(), "subjectId", report));
        assertThat(activated.status()).as(activated.toString()).isEqualTo(201);
        UUID board = UUID.fromString(activated.json().get("boardId").asText());
        assertThat(activated.json().path("unreachableOrganisations").toString()).doesNotContain("null").isNotEqualTo("[]");
        assertThat(recipientsOf(board)).containsExactlyInAnyOrder(cell.analystA1 + ":IN_APP", cell.analystA2 + ":IN_APP",
                cell.analystB + ":IN_APP");

        Api partner = cell.as(cell.analystC);
        assertThat(partner.get("/api/v1/response/boards/" + board).status()).isEqualTo(404);
        assertThat(partner.get("/api/v1/response/boards").body()).doesNotContain(board.toString());
        assertThat(partner.get("/api/v1/response/suggestions?subject=" + report).status()).isEqualTo(404);
        assertThat(partner.post("/api/v1/response/boards/" + board + "/decisions", Map.of("text", "peek")).status()).isEqualTo(404);
        assertThat(partner.get("/api/v1/notifications").body()).doesNotContain(board.toString());
        assertThat(cell.as(cell.analystD).get("/api/v1/response/boards/" + board).status()).isEqualTo(404);
        // nor can a task be given to someone who may not see the report
        String cAccount = jdbc.sql("SELECT id::text FROM accounts WHERE username = :u").param("u", cell.analystC).query(String.class).single();
        Api.Response refused = cell.as(cell.analystB).post("/api/v1/response/boards/" + board + "/tasks",
                Map.of("title", "Tell the partners", "ownerAccountId", cAccount));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().path("errors").path(0).path("field").asText()).isEqualTo("ownerAccountId");
        // B, who may see it, works on the board
        assertThat(cell.as(cell.analystB).get("/api/v1/response/boards/" + board).status()).isEqualTo(200);
    }

    @Test
    void aProtocolIsActivatedOnACampaignAndTheBoardsLogIsAppendOnlyAndAudited() {
        UUID protocol = cell.createProtocol(Fixtures.unique("Phishing"));
        String report = cell.greenReport("Phishing " + UUID.randomUUID());
        Api.Response campaign = cell.as(cell.analystA1).post("/api/v1/campaigns", Map.of("name", Fixtures.unique("Operation"),
                "description", "Phishing wave", "reports", List.of(report), "tlp", "GREEN", "communities", List.of(cell.community.toString())));
        assertThat(campaign.status()).as(campaign.toString()).isEqualTo(201);
        String campaignId = campaign.json().get("id").asText();
        UUID board = activate(cell.as(cell.analystA1), protocol, campaignId);
        JsonNode view = cell.as(cell.analystB).get("/api/v1/response/boards/" + board).json();
        assertThat(view.path("subject").path("type").asText()).isEqualTo("campaign");
        assertThat(view.path("countermeasures")).isNotEmpty(); // from its member report's technique
        assertThat(recipientsOf(board)).containsExactlyInAnyOrder(cell.analystA1 + ":IN_APP", cell.analystA2 + ":IN_APP");

        assertThat(cell.as(cell.analystB).post("/api/v1/response/boards/" + board + "/decisions", Map.of("text", "Escalate to platforms")).status())
                .isEqualTo(201);
        assertThat(cell.as(cell.analystB).post("/api/v1/response/boards/" + board + "/decisions", Map.of("text", " ")).json()
                .path("errors").path(0).path("field").asText()).isEqualTo("text");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> jdbc.sql("UPDATE response_entries SET text = 'rewritten' WHERE board_id = :b")
                .param("b", board).update()).hasMessageContaining("append-only");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> jdbc.sql("DELETE FROM response_entries WHERE board_id = :b")
                .param("b", board).update()).hasMessageContaining("append-only");
        String audit = cell.fixtures.admin().get("/api/v1/audit?targetId=" + board).body();
        assertThat(audit).contains("response.activated", "response.level-reached", "response.decision");

        // closed: nothing more can be added, escalation stops
        assertThat(cell.as(cell.analystA1).post("/api/v1/response/boards/" + board + "/close", Map.of("text", "Handled")).status()).isEqualTo(204);
        assertThat(cell.as(cell.analystA1).post("/api/v1/response/boards/" + board + "/decisions", Map.of("text", "late")).status()).isEqualTo(409);
        assertThat(cell.as(cell.analystA1).get("/api/v1/response/boards/" + board).json().path("board").path("escalationDueAt").isNull()).isTrue();
    }
}

package org.vigie.server.response;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.vigie.server.support.Api;
import org.vigie.server.support.Fixtures;
import org.vigie.server.support.MutableClock;
import org.vigie.server.support.VigieTest;

/** Escalation with a controllable clock: nothing sleeps; the job is run by hand after moving time. */
@VigieTest
class EscalationTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MutableClock clock;

    @Autowired
    Escalations escalations;

    ResponseCell cell;

    @BeforeEach
    void cell() {
        cell = new ResponseCell(port);
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    private List<String> recipientsOf(UUID board) {
        return jdbc.sql("""
                SELECT a.username || ':' || (n.payload ->> 'level') FROM notifications n JOIN accounts a ON a.id = n.recipient_account
                WHERE n.payload ->> 'board' = :board AND n.channel = 'IN_APP' ORDER BY 1""").param("board", board.toString()).query(String.class).list();
    }

    private UUID activate(String subject) {
        UUID protocol = cell.createProtocol(Fixtures.unique("Phishing"));
        Api.Response activated = cell.as(cell.analystA1).post("/api/v1/response/activations",
                Map.of("protocolId", protocol.toString(), "subjectId", subject));
        assertThat(activated.status()).as(activated.toString()).isEqualTo(201);
        return UUID.fromString(activated.json().get("boardId").asText());
    }

    @Test
    void anUnacknowledgedAlertEscalatesToTheNextLevelAfterItsDeadlineAndNotBefore() {
        UUID board = activate(cell.greenReport("Phishing " + UUID.randomUUID()));
        clock.advance(Duration.ofMinutes(29));
        escalations.runDue();
        assertThat(recipientsOf(board)).containsExactlyInAnyOrder(cell.analystA1 + ":1", cell.analystA2 + ":1");

        clock.advance(Duration.ofMinutes(2)); // 31 minutes: level 1's 30 have passed
        escalations.runDue();
        List<String> after = recipientsOf(board);
        assertThat(after).contains(cell.analystB + ":2").hasSize(2 + 2); // B's administrator and analyst
        assertThat(after).noneMatch(r -> r.endsWith(":3"));
        escalations.runDue(); // running again changes nothing
        assertThat(recipientsOf(board)).hasSize(4);

        JsonNode view = cell.as(cell.analystB).get("/api/v1/response/boards/" + board).json();
        assertThat(view.path("levels")).hasSize(2);
        assertThat(view.path("levels").path(1).path("reason").asText()).isEqualTo("ESCALATION");
        assertThat(view.path("board").path("currentLevel").asInt()).isEqualTo(2);
        assertThat(view.path("tasks").findValuesAsText("title")).contains("Assess national impact");

        clock.advance(Duration.ofMinutes(61));
        escalations.runDue();
        assertThat(recipientsOf(board)).contains(cell.analystC + ":3");
        clock.advance(Duration.ofMinutes(121));
        escalations.runDue(); // last level passed: recorded, nothing more to alert
        JsonNode last = cell.as(cell.analystB).get("/api/v1/response/boards/" + board).json();
        assertThat(last.path("entries").findValuesAsText("kind")).contains("ESCALATION_EXHAUSTED");
        assertThat(last.path("board").path("escalationDueAt").isNull()).isTrue();
    }

    @Test
    void anAcknowledgementBeforeTheDeadlineStopsEscalation() {
        UUID board = activate(cell.greenReport("Phishing " + UUID.randomUUID()));
        Api analyst = cell.as(cell.analystA2);
        JsonNode centre = analyst.get("/api/v1/notifications").json().path("notifications");
        String notification = null;
        for (JsonNode n : centre) {
            if (n.path("link").asText().equals("/response/boards/" + board)) {
                notification = n.path("id").asText();
            }
        }
        assertThat(notification).isNotNull();
        clock.advance(Duration.ofMinutes(10));
        assertThat(analyst.post("/api/v1/notifications/" + notification + "/acknowledge", Map.of()).status()).isEqualTo(204);

        clock.advance(Duration.ofMinutes(25)); // 35 minutes: past the deadline, but acknowledged
        escalations.runDue();
        assertThat(recipientsOf(board)).containsExactlyInAnyOrder(cell.analystA1 + ":1", cell.analystA2 + ":1");
        JsonNode view = analyst.get("/api/v1/response/boards/" + board).json();
        assertThat(view.path("levels").path(0).path("alerted").findValuesAsText("acknowledgedAt")).filteredOn(t -> !t.equals("null")).hasSize(1);
        assertThat(view.path("board").path("escalationDueAt").isNull()).isTrue();
        clock.advance(Duration.ofHours(5));
        escalations.runDue();
        assertThat(recipientsOf(board)).hasSize(2);
    }
}

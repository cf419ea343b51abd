package org.vigie.server.response;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.vigie.server.support.Api;
import org.vigie.server.support.Fixtures;
import org.vigie.server.support.MutableClock;
import org.vigie.server.support.VigieTest;

/** The board's tasks, log and metrics on a hand-made timeline (the clock is moved, never slept through). */
@VigieTest
class ResponseMetricsBoardTest {

    @LocalServerPort
    int port;

    @Autowired
    MutableClock clock;

    @Autowired
    Escalations escalations;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    private static Duration duration(JsonNode figures, String name) {
        return Duration.parse(figures.path(name).asText());
    }

    private static void near(Duration actual, Duration expected) {
        // the test clock follows real time between moves: allow the seconds the requests take
        assertThat(actual).isBetween(expected, expected.plusSeconds(30));
    }

    @Test
    void timeToAcknowledgeAndToFirstActionPerOrganisationAndProtocol() {
        ResponseCell cell = new ResponseCell(port);
        String protocolName = Fixtures.unique("Phishing");
        UUID protocol = cell.createProtocol(protocolName);
        String report = cell.greenReport("Phishing " + UUID.randomUUID());
        Api a1 = cell.as(cell.analystA1);
        Api b = cell.as(cell.analystB);
        UUID board = UUID.fromString(a1.post("/api/v1/response/activations", Map.of("protocolId", protocol.toString(), "subjectId", report))
                .json().get("boardId").asText());

        // A: acknowledged after 10 minutes, first action (a decision) after 15
        clock.advance(Duration.ofMinutes(10));
        String a1Alert = a1.get("/api/v1/response/boards/" + board).json().path("myUnacknowledged").path(0).asText();
        assertThat(a1.post("/api/v1/notifications/" + a1Alert + "/acknowledge", Map.of()).status()).isEqualTo(204);
        clock.advance(Duration.ofMinutes(5));
        Api.Response decided = a1.post("/api/v1/response/boards/" + board + "/decisions", Map.of("text", "Notify the platforms."));
        assertThat(decided.status()).as(decided.toString()).isEqualTo(201);
        assertThat(a1.post("/api/v1/response/boards/" + board + "/options",
                Map.of("option", "COORDINATED_NOTICE_TO_PLATFORMS", "rationale", "Same link on three platforms")).status()).isEqualTo(201);
        assertThat(a1.post("/api/v1/response/boards/" + board + "/options", Map.of("option", "SHOUT")).json()
                .path("errors").path(0).path("field").asText()).isEqualTo("option");
        assertThat(a1.post("/api/v1/response/boards/" + board + "/communications",
                Map.of("recipients", "Platform trust & safety teams", "channel", "e-mail", "summary", "Takedown request for the phishing domain")).status())
                .isEqualTo(201);

        // B is never alerted in this test: only level 1 was reached (acknowledged), so B has no figures
        JsonNode view = b.get("/api/v1/response/boards/" + board).json();
        JsonNode metrics = view.path("metrics");
        assertThat(metrics.size()).isEqualTo(1);
        JsonNode office = metrics.elements().next();
        assertThat(office.path("alerted").asInt()).isEqualTo(1); // one organisation reached at one level
        assertThat(office.path("unacknowledged").asInt()).isZero();
        near(duration(office, "medianToAcknowledge"), Duration.ofMinutes(10));
        near(duration(office, "p90ToAcknowledge"), Duration.ofMinutes(10));
        near(duration(office, "medianToFirstAction"), Duration.ofMinutes(15));
        assertThat(view.path("entries").findValuesAsText("kind")).contains("DECISION", "OPTION_CHOSEN", "COMMUNICATION");

        // a task: added, assigned, completed — each an entry of the append-only log
        String bAccount = view.path("levels").path(0).path("alerted").path(0).path("accountId").asText();
        Api.Response task = b.post("/api/v1/response/boards/" + board + "/tasks", Map.of("title", "Call the registrar", "ownerAccountId", bAccount));
        assertThat(task.status()).as(task.toString()).isEqualTo(201);
        String taskId = task.json().path("id").asText();
        assertThat(b.post("/api/v1/response/boards/" + board + "/tasks/" + taskId + "/complete", Map.of()).status()).isEqualTo(204);
        JsonNode tasks = b.get("/api/v1/response/boards/" + board).json().path("tasks");
        assertThat(tasks.findValuesAsText("title")).contains("Call the registrar");

        JsonNode dashboard = a1.get("/api/v1/response/metrics").json();
        JsonNode byProtocol = dashboard.path("byProtocol").path(protocolName);
        assertThat(byProtocol.path("alerted").asInt()).isEqualTo(1);
        near(duration(byProtocol, "medianToAcknowledge"), Duration.ofMinutes(10));
    }
}

package org.vigie.server.response;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.vigie.server.support.BrowserSession;
import org.vigie.server.support.Fixtures;
import org.vigie.server.support.VigieTest;

/** The pages: a community's protocols, the box on a report's page, the board and the dashboard, in English and French. */
@VigieTest
class ResponsePagesTest {

    @LocalServerPort
    int port;

    @Test
    void aProtocolIsDefinedActivatedAndWorkedOnThroughThePages() {
        ResponseCell cell = new ResponseCell(port);
        String name = Fixtures.unique("Phishing of offices");
        cell.createProtocol(name);
        BrowserSession analyst = BrowserSession.signedIn(port, cell.analystA1, Fixtures.PASSWORD);
        BrowserSession.Page list = analyst.get("/communities/" + cell.community + "/protocols");
        assertThat(list.text()).contains(name, "Local election office", "Confirm the facts", "National cell");
        assertThat(list.body()).doesNotContain("id=\"new-protocol\""); // an analyst reads, does not define

        String report = cell.greenReport("Phishing of the office " + UUID.randomUUID());
        BrowserSession.Page reportPage = analyst.get("/reports/" + report);
        assertThat(reportPage.body()).contains("/response/subject?subject=" + report);
        BrowserSession.Page box = analyst.get("/response/subject?subject=" + report);
        assertThat(box.text()).contains("Protocols whose trigger matches", name, "Activate the protocol");

        String protocolId = cell.adminA.get("/api/v1/communities/" + cell.community + "/protocols").json().findValuesAsText("id").stream()
                .filter(id -> cell.adminA.get("/api/v1/communities/" + cell.community + "/protocols/" + id).body().contains(name)).findFirst().orElseThrow();
        BrowserSession.Page activated = analyst.submitFields("/response/activate", "protocolId", protocolId, "subjectId", report);
        assertThat(activated.status()).as(activated.body()).isEqualTo(302);
        BrowserSession.Page board = analyst.follow(activated);
        assertThat(board.status()).isEqualTo(200);
        assertThat(board.text()).contains("Response board", name, "Levels reached", "Confirm the facts", "Private notice to the target",
                "You were alerted");
        String boardPath = activated.location().replaceFirst("^https?://[^/]+", "");

        BrowserSession.Page decided = analyst.submitFields(boardPath + "/decisions", "text", "Warn the registrar tonight");
        assertThat(decided.status()).isEqualTo(302);
        assertThat(analyst.follow(decided).text()).contains("Warn the registrar tonight");
        BrowserSession.Page refused = analyst.submitFields(boardPath + "/options", "option", "SHOUT");
        assertThat(analyst.follow(refused).text()).contains("Unknown response option");

        assertThat(analyst.get("/response").text()).contains("Responses", name, "Per organisation", "Per protocol");
        BrowserSession french = BrowserSession.signedIn(port, cell.analystA1, Fixtures.PASSWORD, "fr");
        assertThat(french.get(boardPath).text()).contains("Tableau de réponse", "Niveaux atteints", "Avis privé à la cible");
        assertThat(french.get("/response").text()).contains("Réponses", "Par organisation");

        BrowserSession stranger = BrowserSession.signedIn(port, cell.analystD, Fixtures.PASSWORD);
        assertThat(stranger.get(boardPath).status()).isEqualTo(404);
        assertThat(stranger.get("/response").text()).doesNotContain(name);
    }

    @Test
    void theProtocolFormSavesAndRefusesNamingTheProblem() {
        ResponseCell cell = new ResponseCell(port);
        BrowserSession admin = BrowserSession.signedIn(port, cell.founder, Fixtures.PASSWORD);
        BrowserSession.Page page = admin.get("/communities/" + cell.community + "/protocols");
        assertThat(page.body()).contains("id=\"new-protocol\"");
        String name = Fixtures.unique("DDoS");
        BrowserSession.Page saved = admin.submitFields("/communities/" + cell.community + "/protocols", "name", name, "incidentTypes", "DDOS",
                "minSeverity", "HIGH", "level0Name", "Election office", "level0Organisations", cell.orgA.toString(), "level0Roles", "ANALYST",
                "level0Checklist", "Call the host\nSwitch to the backup site", "level0Minutes", "15",
                "level1Name", "National cell", "level1Organisations", cell.orgB.toString(), "level1Minutes", "30");
        assertThat(saved.status()).as(saved.body()).isEqualTo(302);
        assertThat(admin.follow(saved).text()).contains(name, "Switch to the backup site", "National cell");

        String id = cell.adminA.get("/api/v1/communities/" + cell.community + "/protocols").json().findValuesAsText("id").get(0);
        BrowserSession.Page editing = admin.get("/communities/" + cell.community + "/protocols?edit=" + id);
        assertThat(editing.body()).contains("value=\"" + name + "\"", "Switch to the backup site", "value=\"15\"");
        BrowserSession.Page changed = admin.submitFields("/communities/" + cell.community + "/protocols/" + id, "name", name + " v2",
                "incidentTypes", "DDOS", "level0Name", "Election office", "level0Organisations", cell.orgA.toString(), "level0Minutes", "20",
                "active", "false");
        assertThat(changed.status()).as(changed.body()).isEqualTo(302);
        com.fasterxml.jackson.databind.JsonNode after = cell.adminA.get("/api/v1/communities/" + cell.community + "/protocols/" + id).json();
        assertThat(after.path("name").asText()).isEqualTo(name + " v2");
        assertThat(after.path("levels")).hasSize(1);
        assertThat(after.path("active").asBoolean()).isFalse();

        BrowserSession.Page refused = admin.submitFields("/communities/" + cell.community + "/protocols", "name", "No levels");
        assertThat(refused.status()).isEqualTo(200);
        assertThat(refused.text()).contains("A protocol needs at least one escalation level", "levels");
        BrowserSession french = BrowserSession.signedIn(port, cell.founder, Fixtures.PASSWORD, "fr");
        assertThat(french.get("/communities/" + cell.community + "/protocols").text()).contains("Protocoles de réponse", "Nouveau protocole");
    }
}

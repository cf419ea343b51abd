package org.vigie.server.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.vigie.server.support.Api;
import org.vigie.server.support.BrowserSession;
import org.vigie.server.support.Fixtures;
import org.vigie.server.support.VigieTest;

/** The in-app channel: the centre's API and pages, acknowledgement, and the subscriptions page. */
@VigieTest
class NotificationCentreTest {

    @LocalServerPort
    int port;

    @Autowired
    DeliveryWorker worker;

    private static String file(Api author, String title, String tlp, UUID organisation) {
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("title", title);
        report.put("types", List.of("HARASSMENT"));
        report.put("outcome", "ATTEMPTED");
        report.put("tlp", tlp);
        report.put("organisations", List.of(organisation));
        Api.Response filed = author.post("/api/v1/reports", report);
        assertThat(filed.status()).as(filed.toString()).isEqualTo(201);
        return filed.json().get("id").asText();
    }

    @Test
    void aMatchingReportAppearsInTheCentreAndIsAcknowledgedOnceByItsRecipientOnly() {
        Fixtures fixtures = new Fixtures(port);
        UUID org = fixtures.organisation("MEDIA");
        String username = fixtures.account(org, "ANALYST");
        Api watcher = fixtures.signedIn(username);
        Api stranger = fixtures.signedIn(fixtures.account(fixtures.organisation("MEDIA"), "ANALYST"));
        assertThat(watcher.post("/api/v1/subscriptions", Map.of("name", "Harassment", "types", List.of("HARASSMENT"))).status())
                .isEqualTo(201);
        Api author = fixtures.signedIn(fixtures.account(fixtures.organisation("ELECTION_MANAGEMENT_BODY"), "ANALYST"));
        String title = "Threats against poll workers " + UUID.randomUUID();
        String id = file(author, title, "AMBER", org);
        String strict = file(author, "Strict " + title, "AMBER_STRICT", org);
        worker.deliverAllDue();

        JsonNode centre = watcher.get("/api/v1/notifications").json();
        assertThat(centre.get("unread").asInt()).isEqualTo(2);
        JsonNode entries = centre.get("notifications");
        assertThat(entries.findValuesAsText("subjectId")).containsExactlyInAnyOrder(id, strict);
        assertThat(entries.toString()).contains(title).doesNotContain("Strict " + title);
        String notification = entries.findValuesAsText("id").get(entries.findValuesAsText("subjectId").indexOf(id));

        assertThat(stranger.post("/api/v1/notifications/" + notification + "/acknowledge", Map.of()).status()).isEqualTo(404);
        assertThat(watcher.post("/api/v1/notifications/" + notification + "/acknowledge", Map.of()).status()).isEqualTo(204);
        JsonNode after = watcher.get("/api/v1/notifications").json();
        assertThat(after.get("unread").asInt()).isEqualTo(1);
        assertThat(after.get("notifications").toString()).contains("acknowledgedAt");

        BrowserSession session = BrowserSession.signedIn(port, username, Fixtures.PASSWORD);
        BrowserSession.Page page = session.get("/notifications");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.text()).contains(title);
        assertThat(page.body()).contains("id=\"notification-bell\"", "data-stream=\"/notifications/stream\"");
    }

    @Test
    void theSubscriptionsPageCreatesListsAndDeletesInEnglishAndFrench() {
        Fixtures fixtures = new Fixtures(port);
        String username = fixtures.account(fixtures.organisation("MEDIA"), "ANALYST");
        BrowserSession session = BrowserSession.signedIn(port, username, Fixtures.PASSWORD);
        assertThat(session.get("/subscriptions").text()).contains("Subscriptions", "Watch list");

        BrowserSession.Page created = session.submitFields("/subscriptions", "name", "Our domains", "types", "PHISHING",
                "watchList", "domain:Example.fr\nkeyword:bureau de vote", "channels", "IN_APP", "mode", "IMMEDIATE");
        assertThat(created.status()).as(created.body()).isEqualTo(302);
        BrowserSession.Page list = session.follow(created);
        assertThat(list.text()).contains("Our domains", "domain:example.fr", "keyword:bureau de vote");

        BrowserSession.Page refused = session.submitFields("/subscriptions", "name", "Bad", "disarmTechniques", "T9999");
        assertThat(refused.status()).isEqualTo(200);
        assertThat(refused.text()).contains("Unknown DISARM technique", "T9999");

        BrowserSession french = BrowserSession.signedIn(port, username, Fixtures.PASSWORD, "fr");
        assertThat(french.get("/subscriptions").text()).contains("Abonnements", "Liste de veille");
    }

    @Test
    void anOrganisationThatLeavesTheCommunityNoLongerSeesTheAlertNorCountsIt() {
        Fixtures fixtures = new Fixtures(port);
        UUID hostOrganisation = fixtures.organisation("ELECTION_MANAGEMENT_BODY");
        Api host = fixtures.signedIn(fixtures.account(hostOrganisation, "ADMINISTRATOR"));
        Api.Response created = host.post("/api/v1/communities", Map.of("name", Fixtures.unique("Cell"),
                "purpose", "Coordinates the response during the campaign",
                "charter", Map.of("preamble", "Members share incidents.", "objectives", List.of(Map.of(
                        "sectors", List.of("ELECTION_MANAGEMENT_BODY"), "kinds", List.of("INCIDENTS"), "defaultTlp", "AMBER")))));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String community = "/api/v1/communities/" + created.json().get("id").asText();
        UUID watcherOrganisation = fixtures.organisation("MEDIA");
        assertThat(host.post(community + "/members", Map.of("organisationId", watcherOrganisation.toString())).status()).isEqualTo(201);
        Api.Response accepted = fixtures.signedIn(fixtures.account(watcherOrganisation, "ADMINISTRATOR")).post(community + "/charter/accept", "");
        assertThat(accepted.status()).as(accepted.toString()).isLessThan(300);
        Api watcher = fixtures.signedIn(fixtures.account(watcherOrganisation, "ANALYST"));
        assertThat(watcher.post("/api/v1/subscriptions", Map.of("name", "Everything")).status()).isEqualTo(201);

        Map<String, Object> report = new LinkedHashMap<>();
        report.put("title", "Shared with the cell " + UUID.randomUUID());
        report.put("types", List.of("HARASSMENT"));
        report.put("outcome", "ATTEMPTED");
        report.put("tlp", "GREEN");
        report.put("communities", List.of(created.json().get("id").asText()));
        Api.Response filed = host.post("/api/v1/reports", report);
        assertThat(filed.status()).as(filed.toString()).isEqualTo(201);
        assertThat(watcher.get("/api/v1/reports/" + filed.json().get("id").asText()).status()).isEqualTo(200);
        worker.deliverAllDue();
        assertThat(watcher.get("/api/v1/notifications").json().get("unread").asInt()).isEqualTo(1);

        assertThat(host.delete(community + "/members/" + watcherOrganisation).status()).isEqualTo(204);

        JsonNode centre = watcher.get("/api/v1/notifications").json();
        assertThat(centre.get("unread").asInt()).as("the bell does not reveal what may no longer be read").isZero();
        assertThat(centre.get("notifications")).isEmpty();
    }
}

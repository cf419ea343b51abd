package org.vigie.server.reports;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.mail.internet.MimeMessage;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.vigie.server.alerts.AlertOutbox;
import org.vigie.server.alerts.DeliveryWorker;
import org.vigie.server.support.Mailbox;
import org.vigie.server.support.Api;
import org.vigie.server.support.BrowserSession;
import org.vigie.server.support.Fixtures;
import org.vigie.server.support.VigieTest;

/**
 * Victim notification (ADR 0008): a report naming an organisation on Vigie as its target tells that
 * organisation — its points of contact by e-mail (a real SMTP server, GreenMail), its administrators
 * and analysts in the app — once, and shares the report with it; unless the reporter gives a reason
 * not to, which is audited and reviewed. The target answers; the reporter is told.
 */
@VigieTest
class VictimNotificationTest {

    @RegisterExtension
    static Mailbox smtp = new Mailbox();

    @LocalServerPort
    int port;


    @Autowired
    DeliveryWorker worker;

    @Autowired
    JdbcClient jdbc;


    record Person(UUID account, UUID organisation, String username, Api client) {
    }

    /** A target organisation with an analyst and points of contact for every topic, each at its own address. */
    record Victim(UUID organisation, Person analyst, Map<String, String> contacts) {
    }

    private Person person(Fixtures fixtures, UUID organisation, String role) {
        String username = fixtures.account(organisation, role);
        Api client = fixtures.signedIn(username);
        return new Person(UUID.fromString(client.get("/api/v1/me").json().get("id").asText()), organisation, username, client);
    }

    private Victim victim(Fixtures fixtures) {
        UUID organisation = fixtures.organisation("ELECTION_MANAGEMENT_BODY");
        Map<String, String> contacts = new LinkedHashMap<>();
        for (String topic : List.of("CYBER_INCIDENTS", "INFORMATION_MANIPULATION", "MEDIA", "LEGAL", "DUTY_24_7")) {
            String address = topic.toLowerCase().replace('_', '-') + "-" + UUID.randomUUID().toString().substring(0, 8) + "@victim.example";
            Api.Response created = fixtures.admin().post("/api/v1/organisations/" + organisation + "/contacts",
                    Map.of("topic", topic, "name", "Desk " + topic, "email", address));
            assertThat(created.status()).as(created.toString()).isEqualTo(201);
            contacts.put(topic, address);
        }
        return new Victim(organisation, person(fixtures, organisation, "ANALYST"), contacts);
    }

    private static Map<String, Object> report(String title, String tlp, UUID target, boolean doNotNotify, String reason) {
        Map<String, Object> t = new LinkedHashMap<>();
        t.put("category", "ELECTION_MANAGEMENT_BODY");
        t.put("organisationId", target.toString());
        if (doNotNotify) {
            t.put("doNotNotify", true);
        }
        if (reason != null) {
            t.put("doNotNotifyReason", reason);
        }
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("title", title);
        report.put("summary", "Spear-phishing of the commission's staff; must not leak " + title);
        report.put("types", List.of("PHISHING"));
        report.put("outcome", "ATTEMPTED");
        report.put("tlp", tlp);
        report.put("targets", List.of(t));
        return report;
    }

    private static String file(Api who, Map<String, Object> report) {
        Api.Response filed = who.post("/api/v1/reports", report);
        assertThat(filed.status()).as(filed.toString()).isEqualTo(201);
        return filed.json().get("id").asText();
    }


    private int victimRows(String reportId, UUID organisation) {
        return jdbc.sql("SELECT count(*) FROM notifications WHERE event_id = :e")
                .param("e", AlertOutbox.victimNoticeEvent(reportId, organisation)).query(Integer.class).single();
    }

    private int audited(String action, String reportId) {
        return jdbc.sql("SELECT count(*) FROM audit_log WHERE action = :a AND target_id = :id").param("a", action).param("id", reportId)
                .query(Integer.class).single();
    }

    private static List<String> inboxSubjects(Api client) {
        Api.Response inbox = client.get("/api/v1/notifications");
        assertThat(inbox.status()).as(inbox.toString()).isEqualTo(200);
        List<String> subjects = new ArrayList<>();
        inbox.json().get("notifications").forEach(n -> subjects.add(n.path("subjectId").asText()));
        return subjects;
    }

    @Test
    void anAttemptIsNotifiedToTheTargetsPointsOfContactForItsTopicAndToItsPeople() throws Exception {
        Fixtures fixtures = new Fixtures(port);
        Victim victim = victim(fixtures);
        Person reporter = person(fixtures, fixtures.organisation("GOVERNMENT_AGENCY"), "ANALYST");
        assertThat(victim.analyst().client().get("/api/v1/reports/incident--" + UUID.randomUUID()).status()).isEqualTo(404);
        String title = "Phishing of the commission " + UUID.randomUUID();
        String id = file(reporter.client(), report(title, "AMBER", victim.organisation(), false, null));

        worker.deliverAllDue();

        // phishing is a cyber incident: the cyber desk and the 24/7 duty desk, not the press office or the lawyers
        for (String topic : List.of("CYBER_INCIDENTS", "DUTY_24_7")) {
            List<MimeMessage> received = smtp.to(victim.contacts().get(topic));
            assertThat(received).as(topic).hasSize(1);
            assertThat(received.get(0).getSubject()).contains("TLP:AMBER", "Victim notice", title);
            assertThat((String) received.get(0).getContent()).contains("/reports/" + id, "attempted", "tentative");
        }
        for (String topic : List.of("MEDIA", "LEGAL", "INFORMATION_MANIPULATION")) {
            assertThat(smtp.to(victim.contacts().get(topic))).as(topic).isEmpty();
        }
        // the target's analyst has the notice in the app, and may read the report it is about
        assertThat(inboxSubjects(victim.analyst().client())).contains(id);
        Api.Response read = victim.analyst().client().get("/api/v1/reports/" + id);
        assertThat(read.status()).as(read.toString()).isEqualTo(200);
        assertThat(reporter.client().get("/api/v1/reports/" + id).json().get("organisations").toString())
                .as("notifying shares the report with the target").contains(victim.organisation().toString());
        assertThat(audited("victim-notice.sent", id)).isEqualTo(1);
        JsonNode notices = reporter.client().get("/api/v1/reports/" + id + "/victim-notices").json();
        assertThat(notices.get("decisions").get(0).get("status").asText()).isEqualTo("NOTIFIED");
    }

    @Test
    void editingTheReportDoesNotNotifyTheTargetAgain() {
        Fixtures fixtures = new Fixtures(port);
        Victim victim = victim(fixtures);
        Person reporter = person(fixtures, fixtures.organisation("GOVERNMENT_AGENCY"), "ANALYST");
        Map<String, Object> report = report("Twice " + UUID.randomUUID(), "AMBER", victim.organisation(), false, null);
        String id = file(reporter.client(), report);
        worker.deliverAllDue();
        int rows = victimRows(id, victim.organisation());
        assertThat(rows).isGreaterThanOrEqualTo(3); // the analyst in the app, two desks by e-mail

        for (int i = 0; i < 2; i++) {
            JsonNode current = reporter.client().get("/api/v1/reports/" + id).json();
            Map<String, Object> edit = new LinkedHashMap<>(report);
            edit.put("summary", "Edited " + i);
            edit.put("baseModified", current.get("modified").asText());
            Api.Response edited = reporter.client().put("/api/v1/reports/" + id, edit);
            assertThat(edited.status()).as(edited.toString()).isEqualTo(200);
        }
        worker.deliverAllDue();

        assertThat(victimRows(id, victim.organisation())).isEqualTo(rows);
        assertThat(smtp.to(victim.contacts().get("CYBER_INCIDENTS"))).hasSize(1);
        assertThat(audited("victim-notice.sent", id)).isEqualTo(1);
    }

    @Test
    void aReasonNotToNotifyWithholdsTheNoticeIsAuditedAndAnOverturnSendsIt() throws Exception {
        Fixtures fixtures = new Fixtures(port);
        Victim victim = victim(fixtures);
        UUID reporting = fixtures.organisation("GOVERNMENT_AGENCY");
        Person reporter = person(fixtures, reporting, "ANALYST");
        Person reportingAdmin = person(fixtures, reporting, "ADMINISTRATOR");
        Person otherAdmin = person(fixtures, fixtures.organisation("MEDIA"), "ADMINISTRATOR");
        String id = file(reporter.client(), report("Withheld " + UUID.randomUUID(), "AMBER", victim.organisation(), true,
                "Ongoing judicial investigation"));
        worker.deliverAllDue();

        // nothing sent, the target cannot read the report, the decision is stored and audited
        assertThat(victimRows(id, victim.organisation())).isZero();
        assertThat(smtp.to(victim.contacts().get("DUTY_24_7"))).isEmpty();
        assertThat(victim.analyst().client().get("/api/v1/reports/" + id).status()).isEqualTo(404);
        assertThat(inboxSubjects(victim.analyst().client())).doesNotContain(id);
        assertThat(audited("victim-notice.withheld", id)).isEqualTo(1);
        JsonNode decision = reporter.client().get("/api/v1/reports/" + id + "/victim-notices").json().get("decisions").get(0);
        assertThat(decision.get("status").asText()).isEqualTo("WITHHELD");
        assertThat(decision.get("reason").asText()).isEqualTo("Ongoing judicial investigation");

        // reviewable by the reporting organisation's administrators and platform administrators, nobody else
        assertThat(reportingAdmin.client().get("/api/v1/victim-notices/withheld").body()).contains(id, "Ongoing judicial investigation");
        assertThat(fixtures.admin().get("/api/v1/victim-notices/withheld").body()).contains(id);
        assertThat(otherAdmin.client().get("/api/v1/victim-notices/withheld").body()).doesNotContain(id);
        assertThat(victim.analyst().client().get("/api/v1/victim-notices/withheld").status()).isEqualTo(403);
        assertThat(otherAdmin.client().post("/api/v1/reports/" + id + "/victim-notices/" + victim.organisation() + "/review",
                Map.of("decision", "overturn")).status()).isEqualTo(404);

        // confirming keeps it withheld; overturning (here by the platform administrator) shares and sends it
        assertThat(reportingAdmin.client().post("/api/v1/reports/" + id + "/victim-notices/" + victim.organisation() + "/review",
                Map.of("decision", "confirm", "note", "Prosecutor asked")).status()).isEqualTo(204);
        assertThat(victimRows(id, victim.organisation())).isZero();
        Api.Response overturned = fixtures.admin().post("/api/v1/reports/" + id + "/victim-notices/" + victim.organisation() + "/review",
                Map.of("decision", "overturn", "note", "The investigation is closed"));
        assertThat(overturned.status()).as(overturned.toString()).isEqualTo(204);
        worker.deliverAllDue();

        assertThat(smtp.to(victim.contacts().get("DUTY_24_7"))).hasSize(1);
        assertThat(victim.analyst().client().get("/api/v1/reports/" + id).status()).isEqualTo(200);
        assertThat(inboxSubjects(victim.analyst().client())).contains(id);
        assertThat(audited("victim-notice.confirmed", id)).isEqualTo(1);
        assertThat(audited("victim-notice.overturned", id)).isEqualTo(1);
        assertThat(fixtures.admin().post("/api/v1/reports/" + id + "/victim-notices/" + victim.organisation() + "/review",
                Map.of("decision", "overturn")).status()).isEqualTo(409);
    }

    @Test
    void notNotifyingWithoutAReasonIsRefusedNamingTheField() {
        Fixtures fixtures = new Fixtures(port);
        Victim victim = victim(fixtures);
        Person reporter = person(fixtures, fixtures.organisation("GOVERNMENT_AGENCY"), "ANALYST");
        String title = "No reason " + UUID.randomUUID();

        Api.Response refused = reporter.client().post("/api/v1/reports", report(title, "AMBER", victim.organisation(), true, "  "));

        assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
        assertThat(refused.json().get("errors").findValuesAsText("field")).contains("targets[0].doNotNotifyReason");
        assertThat(jdbc.sql("SELECT count(*) FROM reports WHERE title = :t").param("t", title).query(Integer.class).single()).isZero();
    }

    @Test
    void theTargetsReplyIsRecordedAcknowledgesTheNoticeAndTellsTheReporter() {
        Fixtures fixtures = new Fixtures(port);
        Victim victim = victim(fixtures);
        Person viewer = person(fixtures, victim.organisation(), "VIEWER");
        Person reporter = person(fixtures, fixtures.organisation("GOVERNMENT_AGENCY"), "ANALYST");
        Person outsider = person(fixtures, fixtures.organisation("MEDIA"), "ANALYST");
        String id = file(reporter.client(), report("Reply " + UUID.randomUUID(), "AMBER", victim.organisation(), false, null));
        worker.deliverAllDue();

        assertThat(outsider.client().post("/api/v1/reports/" + id + "/victim-replies", Map.of("answer", "thank_you")).status()).isEqualTo(404);
        assertThat(viewer.client().post("/api/v1/reports/" + id + "/victim-replies", Map.of("answer", "thank_you")).status()).isEqualTo(403);
        Api.Response bad = victim.analyst().client().post("/api/v1/reports/" + id + "/victim-replies", Map.of("answer", "maybe"));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.body()).contains("answer");

        Api.Response replied = victim.analyst().client().post("/api/v1/reports/" + id + "/victim-replies",
                Map.of("answer", "need_help", "message", "Our mail server is under attack"));
        assertThat(replied.status()).as(replied.toString()).isEqualTo(201);

        assertThat(jdbc.sql("SELECT count(*) FROM notifications WHERE event_id = :e AND acknowledged_at IS NULL")
                .param("e", AlertOutbox.victimNoticeEvent(id, victim.organisation())).query(Integer.class).single()).isZero();
        assertThat(audited("victim-notice.replied", id)).isEqualTo(1);
        JsonNode inbox = reporter.client().get("/api/v1/notifications").json().get("notifications");
        List<JsonNode> replies = new ArrayList<>();
        inbox.forEach(n -> {
            if (n.path("subjectId").asText().equals(id) && "victim-reply".equals(n.path("kind").asText())) {
                replies.add(n);
            }
        });
        assertThat(replies).hasSize(1);
        assertThat(replies.get(0).get("answer").asText()).isEqualTo("NEED_HELP");
        JsonNode shown = reporter.client().get("/api/v1/reports/" + id + "/victim-notices").json().get("replies").get(0);
        assertThat(shown.get("answer").asText()).isEqualTo("NEED_HELP");
        assertThat(shown.get("message").asText()).isEqualTo("Our mail server is under attack");
    }

    @Test
    void thePagesWarnBeforeFilingLetTheTargetReplyAndListWithheldNoticesInFrench() {
        Fixtures fixtures = new Fixtures(port);
        Victim victim = victim(fixtures);
        UUID reporting = fixtures.organisation("GOVERNMENT_AGENCY");
        Person reporter = person(fixtures, reporting, "ANALYST");
        Person reportingAdmin = person(fixtures, reporting, "ADMINISTRATOR");
        BrowserSession reporterPages = BrowserSession.signedIn(port, reporter.username(), Fixtures.PASSWORD);

        // the form says plainly that naming a target notifies it and shares the report; no reason, no filing
        assertThat(reporterPages.get("/reports/new").text()).contains("notifies it", "shared with that organisation");
        BrowserSession.Page refused = reporterPages.submitFields("/reports", "title", "Form " + UUID.randomUUID(), "types", "phishing",
                "outcome", "attempted", "tlp", "AMBER", "targets[0].category", "ELECTION_MANAGEMENT_BODY",
                "targets[0].organisationId", victim.organisation().toString(), "targets[0].doNotNotify", "true");
        assertThat(refused.status()).isEqualTo(200);
        assertThat(refused.text()).contains("Give the reason not to notify this target.");
        BrowserSession.Page withheld = reporterPages.submitFields("/reports", "title", "Form withheld " + UUID.randomUUID(),
                "types", "phishing", "outcome", "attempted", "tlp", "AMBER", "targets[0].category", "ELECTION_MANAGEMENT_BODY",
                "targets[0].organisationId", victim.organisation().toString(), "targets[0].doNotNotify", "true",
                "targets[0].doNotNotifyReason", "Enquête en cours");
        assertThat(withheld.status()).as(withheld.body()).isEqualTo(302);
        BrowserSession.Page withheldPage = reporterPages.follow(withheld);
        assertThat(withheldPage.text()).contains("Not notified (withheld)", "Enquête en cours");
        String withheldId = withheld.location().replaceAll(".*/reports/", "").replaceAll("[?#].*", "");
        assertThat(reporterPages.get("/reports/" + withheldId + "/edit").text()).contains("Withheld (see the review list)");
        BrowserSession.Page list = BrowserSession.signedIn(port, reportingAdmin.username(), Fixtures.PASSWORD, "fr")
                .get("/reports/withheld-notices");
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.text()).contains("Notifications de victimes retenues", "Enquête en cours", "Infirmer : notifier maintenant");

        // the target answers from its notification centre; the reporter's page shows it, "need help" standing out
        String id = file(reporter.client(), report("Pages " + UUID.randomUUID(), "AMBER", victim.organisation(), false, null));
        worker.deliverAllDue();
        BrowserSession targetPages = BrowserSession.signedIn(port, victim.analyst().username(), Fixtures.PASSWORD);
        assertThat(targetPages.get("/notifications").text()).contains("Victim notice", "We need help");
        BrowserSession.Page answered = targetPages.submitFields("/reports/" + id + "/victim-replies", "answer", "NEED_HELP",
                "message", "Please call our duty desk", "from", "notifications");
        assertThat(answered.status()).isEqualTo(302);
        assertThat(answered.location()).endsWith("/notifications");
        BrowserSession.Page page = reporterPages.get("/reports/" + id);
        assertThat(page.body()).contains("need-help");
        assertThat(page.text()).contains("We need help", "Please call our duty desk");
        assertThat(targetPages.get("/reports/" + id).text()).contains("We need help");
        worker.deliverAllDue();
        assertThat(reporterPages.get("/notifications").text()).contains("replied: We need help");
    }

    @Test
    void aNoticeNeverReachesAnotherOrganisationAndAnOutsiderSubscribedToEverythingLearnsNothing() {
        Fixtures fixtures = new Fixtures(port);
        Victim victim = victim(fixtures);
        Person reporter = person(fixtures, fixtures.organisation("GOVERNMENT_AGENCY"), "ANALYST");
        Person outsider = person(fixtures, fixtures.organisation("MEDIA"), "ANALYST");
        assertThat(outsider.client().post("/api/v1/subscriptions", Map.of("name", "Everything", "channels", List.of("IN_APP", "EMAIL")))
                .status()).isEqualTo(201);
        String id = file(reporter.client(), report("Policy " + UUID.randomUUID(), "AMBER", victim.organisation(), false, null));
        worker.deliverAllDue();

        List<UUID> accounts = jdbc.sql("SELECT recipient_account FROM notifications WHERE event_id = :e AND recipient_account IS NOT NULL")
                .param("e", AlertOutbox.victimNoticeEvent(id, victim.organisation())).query(UUID.class).list();
        assertThat(accounts).isNotEmpty();
        for (UUID account : accounts) {
            assertThat(jdbc.sql("SELECT organisation_id FROM accounts WHERE id = :id").param("id", account).query(UUID.class).single())
                    .isEqualTo(victim.organisation());
        }
        assertThat(jdbc.sql("""
                SELECT count(*) FROM notifications n JOIN points_of_contact c ON c.id = n.recipient_contact
                WHERE n.event_id = :e AND c.organisation_id <> :org""")
                .param("e", AlertOutbox.victimNoticeEvent(id, victim.organisation())).param("org", victim.organisation())
                .query(Integer.class).single()).isZero();
        assertThat(jdbc.sql("SELECT count(*) FROM notifications WHERE subject_id = :id AND recipient_account = :a")
                .param("id", id).param("a", outsider.account()).query(Integer.class).single()).isZero();
        assertThat(inboxSubjects(outsider.client())).doesNotContain(id);
        assertThat(outsider.client().get("/api/v1/reports/" + id).status()).isEqualTo(404);
        assertThat(outsider.client().get("/api/v1/reports/" + id + "/victim-notices").status()).isEqualTo(404);
    }

    @Test
    void aGreenReportIsReadableByTheNotifiedTargetAndAStrictOneIsAnnouncedByLinkOnly() throws Exception {
        Fixtures fixtures = new Fixtures(port);
        Victim victim = victim(fixtures);
        Person reporter = person(fixtures, fixtures.organisation("GOVERNMENT_AGENCY"), "ANALYST");
        String green = file(reporter.client(), report("Green " + UUID.randomUUID(), "GREEN", victim.organisation(), false, null));
        String strictTitle = "Strict " + UUID.randomUUID();
        String strict = file(reporter.client(), report(strictTitle, "AMBER_STRICT", victim.organisation(), false, null));
        worker.deliverAllDue();

        assertThat(victim.analyst().client().get("/api/v1/reports/" + green).status()).isEqualTo(200);
        MimeMessage mail = smtp.to(victim.contacts().get("CYBER_INCIDENTS")).stream().filter(m -> {
            try {
                return ((String) m.getContent()).contains("/reports/" + strict);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }).findFirst().orElseThrow();
        assertThat(mail.getSubject()).contains("TLP:AMBER+STRICT").doesNotContain(strictTitle);
        assertThat((String) mail.getContent()).doesNotContain(strictTitle).doesNotContain("must not leak");
    }
}

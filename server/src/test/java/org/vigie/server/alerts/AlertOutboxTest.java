package org.vigie.server.alerts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import org.vigie.core.accounts.Member;
import org.vigie.core.accounts.OrganisationRole;
import org.vigie.core.reports.IncidentType;
import org.vigie.core.reports.Outcome;
import org.vigie.core.sharing.Tlp;
import org.vigie.core.taxonomy.CyclePhase;
import org.vigie.server.knowledge.SharingRequest;
import org.vigie.server.reports.ReportDraft;
import org.vigie.server.reports.Reports;
import org.vigie.server.support.Api;
import org.vigie.server.support.Fixtures;
import org.vigie.server.support.VigieTest;

/**
 * The outbox step of the report flow: who gets a notification when a report is stored, and that the
 * notifications commit and roll back with the report.
 */
@VigieTest
class AlertOutboxTest {

    @LocalServerPort
    int port;

    @Autowired
    AlertOutbox outbox;

    @Autowired
    Reports reports;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    JdbcClient jdbc;

    record Person(UUID account, UUID organisation, String username, Api client) {
    }

    private Person person(Fixtures fixtures, UUID organisation, String role) {
        String username = fixtures.account(organisation, role);
        Api client = fixtures.signedIn(username);
        return new Person(UUID.fromString(client.get("/api/v1/me").json().get("id").asText()), organisation, username, client);
    }

    private static Map<String, Object> report(String title, String tlp) {
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("title", title);
        report.put("summary", "SMS messages telling voters their polling station has moved.");
        report.put("types", List.of("PHISHING"));
        report.put("outcome", "ATTEMPTED");
        report.put("phase", "VOTING");
        report.put("firstSeen", "2026-11-20T08:00:00Z");
        report.put("disarmTechniques", List.of("T0085"));
        report.put("observables", List.of(Map.of("value", "https://bureau-de-vote-" + UUID.randomUUID().toString().substring(0, 6) + ".com/x")));
        report.put("tlp", tlp);
        return report;
    }

    private static String file(Api who, Map<String, Object> report) {
        Api.Response filed = who.post("/api/v1/reports", report);
        assertThat(filed.status()).as(filed.toString()).isEqualTo(201);
        return filed.json().get("id").asText();
    }

    private List<Notification> to(UUID account, String reportId) {
        return outbox.about(reportId).stream().filter(n -> n.recipientAccount().equals(account)).toList();
    }

    @Test
    void aPersonSubscribedToEverythingReceivesNothingAboutReportsTheyMayNotSee() {
        Fixtures fixtures = new Fixtures(port);
        UUID watcherOrg = fixtures.organisation("MEDIA");
        UUID authorOrg = fixtures.organisation("ELECTION_MANAGEMENT_BODY");
        Person watcher = person(fixtures, watcherOrg, "ANALYST");
        Person colleague = person(fixtures, watcherOrg, "VIEWER");
        Person author = person(fixtures, authorOrg, "ANALYST");
        Api.Response subscribed = watcher.client().post("/api/v1/subscriptions", Map.of("name", "Everything"));
        assertThat(subscribed.status()).as(subscribed.toString()).isEqualTo(201);

        String clear = file(author.client(), report("Clear probe", "CLEAR"));
        String green = file(author.client(), report("Green probe, no shared community", "GREEN"));
        String amberElsewhere = file(author.client(), with(report("Amber for others", "AMBER"), "organisations", List.of(authorOrg)));
        String amberToUs = file(author.client(), with(report("Amber for us", "AMBER"), "organisations", List.of(watcherOrg)));
        String strictToUs = file(author.client(), with(report("Strict for us", "AMBER_STRICT"), "organisations", List.of(watcherOrg)));
        String redToColleague = file(author.client(), with(report("Red for the colleague", "RED"), "users", List.of(colleague.account())));
        String redToUs = file(author.client(), with(report("Red for the watcher", "RED"), "users", List.of(watcher.account())));

        assertThat(to(watcher.account(), clear)).hasSize(1);
        assertThat(to(watcher.account(), green)).as("GREEN without a shared community").isEmpty();
        assertThat(to(watcher.account(), amberElsewhere)).as("AMBER for another organisation").isEmpty();
        assertThat(to(watcher.account(), amberToUs)).hasSize(1);
        assertThat(to(watcher.account(), strictToUs)).hasSize(1);
        assertThat(to(watcher.account(), redToColleague)).as("RED for a colleague, not for the subscriber").isEmpty();
        assertThat(to(watcher.account(), redToUs)).hasSize(1);
        // the colleague subscribed to nothing: a colleague's subscription does not reach them
        assertThat(to(colleague.account(), redToColleague)).isEmpty();
        // and every notification the watcher got is about something the watcher can read
        for (String id : List.of(clear, amberToUs, strictToUs, redToUs)) {
            assertThat(watcher.client().get("/api/v1/reports/" + id).status()).isEqualTo(200);
        }
        for (String id : List.of(green, amberElsewhere, redToColleague)) {
            assertThat(watcher.client().get("/api/v1/reports/" + id).status()).isEqualTo(404);
        }
    }

    @Test
    void anOrganisationSubscriptionReachesEveryMemberWhoMaySeeTheReport() {
        Fixtures fixtures = new Fixtures(port);
        UUID watcherOrg = fixtures.organisation("MEDIA");
        Person admin = person(fixtures, watcherOrg, "ADMINISTRATOR");
        Person member = person(fixtures, watcherOrg, "VIEWER");
        Person author = person(fixtures, fixtures.organisation("ELECTION_MANAGEMENT_BODY"), "ANALYST");
        Api.Response refused = member.client().post("/api/v1/subscriptions", Map.of("name", "Ours", "organisation", true));
        assertThat(refused.status()).as("only administrators subscribe for the organisation").isEqualTo(403);
        assertThat(admin.client().post("/api/v1/subscriptions", Map.of("name", "Ours", "organisation", true,
                "types", List.of("PHISHING"))).status()).isEqualTo(201);

        String red = file(author.client(), with(report("Red for the member", "RED"), "users", List.of(member.account())));
        assertThat(to(member.account(), red)).hasSize(1);
        assertThat(to(admin.account(), red)).as("RED names the member, not the administrator").isEmpty();
    }

    @Test
    void theFiltersAndTheWatchListDecideWhichReportsAlert() {
        Fixtures fixtures = new Fixtures(port);
        Person watcher = person(fixtures, fixtures.organisation("MEDIA"), "ANALYST");
        Person author = person(fixtures, fixtures.organisation("ELECTION_MANAGEMENT_BODY"), "ANALYST");
        String domain = "ours-" + UUID.randomUUID().toString().substring(0, 8) + ".fr";
        assertThat(watcher.client().post("/api/v1/subscriptions", Map.of("name", "Our domain", "types", List.of("PHISHING"),
                "watchList", List.of(Map.of("type", "domain", "value", domain.toUpperCase())))).status()).isEqualTo(201);

        Map<String, Object> lookAlike = with(report("Look-alike", "CLEAR"), "observables",
                List.of(Map.of("value", "hxxps://vote." + domain.replace(".", "[.]") + "/login")));
        String hit = file(author.client(), lookAlike);
        String miss = file(author.client(), report("Unrelated", "CLEAR"));
        String otherType = file(author.client(), with(lookAlike, "types", List.of("DDOS")));

        List<Notification> notified = to(watcher.account(), hit);
        assertThat(notified).hasSize(1);
        assertThat(notified.get(0).channel()).isEqualTo(AlertChannel.IN_APP);
        assertThat(notified.get(0).payload().get("watchHits").get(0).get("value").asText()).isEqualToIgnoringCase(domain);
        assertThat(to(watcher.account(), miss)).isEmpty();
        assertThat(to(watcher.account(), otherType)).isEmpty();
    }

    @Test
    void aReportWhoseTransactionRollsBackLeavesNoNotification() {
        Fixtures fixtures = new Fixtures(port);
        Person watcher = person(fixtures, fixtures.organisation("MEDIA"), "ANALYST");
        UUID authorOrg = fixtures.organisation("ELECTION_MANAGEMENT_BODY");
        Person author = person(fixtures, authorOrg, "ANALYST");
        assertThat(watcher.client().post("/api/v1/subscriptions", Map.of("name", "Everything")).status()).isEqualTo(201);
        Member member = new Member(author.account(), author.username(), authorOrg, OrganisationRole.ANALYST, false);
        String title = "Rolled back " + UUID.randomUUID();
        ReportDraft draft = new ReportDraft(title, "", null, null, null, CyclePhase.VOTING, Set.of(IncidentType.PHISHING),
                Outcome.ATTEMPTED, null, null, null, null, null, null, 80, null, null, null);
        String[] filed = new String[1];

        assertThatThrownBy(() -> transactions.executeWithoutResult(tx -> {
            filed[0] = reports.file(member, draft, List.of(), List.of(), new SharingRequest(Tlp.CLEAR, null, Set.of(), Set.of(), Set.of())).id();
            assertThat(outbox.about(filed[0])).as("queued inside the transaction").isNotEmpty();
            throw new IllegalStateException("the caller fails after storing");
        })).hasMessageContaining("after storing");

        assertThat(filed[0]).isNotNull();
        assertThat(outbox.about(filed[0])).isEmpty();
        assertThat(jdbc.sql("SELECT count(*) FROM reports WHERE stix_id = :id").param("id", filed[0]).query(Integer.class).single()).isZero();
    }

    @Test
    void incidentsStoredByAnImportPathAreNotifiedLikeFiledReports() throws Exception {
        Fixtures fixtures = new Fixtures(port);
        Person watcher = person(fixtures, fixtures.organisation("MEDIA"), "ANALYST");
        Person author = person(fixtures, fixtures.organisation("ELECTION_MANAGEMENT_BODY"), "ANALYST");
        String id = file(author.client(), report("Imported later", "CLEAR"));
        assertThat(to(watcher.account(), id)).as("not subscribed yet").isEmpty();
        assertThat(watcher.client().post("/api/v1/subscriptions", Map.of("name", "Everything")).status()).isEqualTo(201);
        String stored = jdbc.sql("SELECT object::text FROM stix_objects WHERE stix_id = :id AND is_latest").param("id", id)
                .query(String.class).single();
        com.fasterxml.jackson.databind.JsonNode incident = new com.fasterxml.jackson.databind.ObjectMapper().readTree(stored);

        // what StixImport, TAXII, MISP and federation call in the transaction that stored the objects
        int indexed = transactions.execute(tx -> reports.indexStoredIncidents(List.of(incident)));

        assertThat(indexed).isEqualTo(1);
        assertThat(to(watcher.account(), id)).hasSize(1);
    }

    @Test
    void queuingTheSameVersionTwiceQueuesNothingMore() {
        Fixtures fixtures = new Fixtures(port);
        Person watcher = person(fixtures, fixtures.organisation("MEDIA"), "ANALYST");
        Person author = person(fixtures, fixtures.organisation("ELECTION_MANAGEMENT_BODY"), "ANALYST");
        assertThat(watcher.client().post("/api/v1/subscriptions", Map.of("name", "Everything")).status()).isEqualTo(201);
        String id = file(author.client(), report("Twice", "CLEAR"));
        Notification first = to(watcher.account(), id).get(0);

        int again = transactions.execute(tx -> outbox.reportStored(new org.vigie.core.alerts.ReportFacts(id, null, null, null, null, null,
                null, null, null, null, "Twice", ""), first.subjectModified()));

        assertThat(to(watcher.account(), id)).hasSize(1);
        assertThat(first.idempotencyKey()).isEqualTo(AlertOutbox.eventId(id, first.subjectModified()) + ":" + watcher.account() + ":IN_APP");
        assertThat(again).as("nothing new for anyone").isZero();
    }

    @Test
    void restrictedReportsLeaveOnlyTheLinkAndTheMarkingForChannelsThatLeaveThePlatform() {
        Fixtures fixtures = new Fixtures(port);
        UUID watcherOrg = fixtures.organisation("MEDIA");
        Person watcher = person(fixtures, watcherOrg, "ANALYST");
        jdbc.sql("UPDATE accounts SET email = :email WHERE id = :id").param("email", watcher.username() + "@example.org")
                .param("id", watcher.account()).update();
        Person author = person(fixtures, fixtures.organisation("ELECTION_MANAGEMENT_BODY"), "ANALYST");
        assertThat(watcher.client().post("/api/v1/subscriptions", Map.of("name", "Mail me",
                "channels", List.of("IN_APP", "EMAIL"))).status()).isEqualTo(201);

        String strict = file(author.client(), with(report("Secret title", "AMBER_STRICT"), "organisations", List.of(watcherOrg)));
        String amber = file(author.client(), with(report("Amber title", "AMBER"), "organisations", List.of(watcherOrg)));

        Notification strictMail = to(watcher.account(), strict).stream().filter(n -> n.channel() == AlertChannel.EMAIL).findFirst().orElseThrow();
        assertThat(strictMail.payload().toString()).doesNotContain("Secret title");
        assertThat(strictMail.payload().get("tlp").asText()).isEqualTo("AMBER_STRICT");
        assertThat(strictMail.payload().get("link").asText()).isEqualTo("/reports/" + strict);
        Notification amberMail = to(watcher.account(), amber).stream().filter(n -> n.channel() == AlertChannel.EMAIL).findFirst().orElseThrow();
        assertThat(amberMail.payload().get("title").asText()).isEqualTo("Amber title");
    }

    @Test
    void aFilterNamingAnUnknownTechniqueOrElectionIsRefusedNamingTheField() {
        Fixtures fixtures = new Fixtures(port);
        Person watcher = person(fixtures, fixtures.organisation("MEDIA"), "ANALYST");
        Api.Response technique = watcher.client().post("/api/v1/subscriptions", Map.of("name", "x", "disarmTechniques", List.of("T9999")));
        assertThat(technique.status()).isEqualTo(400);
        assertThat(technique.json().get("errors").get(0).get("field").asText()).isEqualTo("disarmTechniques");
        Api.Response election = watcher.client().post("/api/v1/subscriptions", Map.of("name", "x", "electionId", UUID.randomUUID()));
        assertThat(election.status()).isEqualTo(400);
        assertThat(election.json().get("errors").get(0).get("field").asText()).isEqualTo("electionId");
        Api.Response watch = watcher.client().post("/api/v1/subscriptions", Map.of("name", "x",
                "watchList", List.of(Map.of("type", "keyword", "value", "ok"), Map.of("type", "ipv4", "value", "999.1.1.1"))));
        assertThat(watch.status()).isEqualTo(400);
        assertThat(watch.json().get("errors").get(0).get("field").asText()).isEqualTo("watchList/1");
        Api.Response type = watcher.client().post("/api/v1/subscriptions", Map.of("name", "x", "types", List.of("NOPE")));
        assertThat(type.json().get("errors").get(0).get("field").asText()).isEqualTo("types");
    }

    @Test
    void aPersonListsAndDeletesTheirOwnSubscriptionsOnly() {
        Fixtures fixtures = new Fixtures(port);
        UUID org = fixtures.organisation("MEDIA");
        Person one = person(fixtures, org, "ANALYST");
        Person other = person(fixtures, fixtures.organisation("MEDIA"), "ANALYST");
        String id = one.client().post("/api/v1/subscriptions", Map.of("name", "Mine")).json().get("id").asText();
        assertThat(one.client().get("/api/v1/subscriptions").json().get("subscriptions").findValuesAsText("id")).containsExactly(id);
        assertThat(other.client().get("/api/v1/subscriptions").json().get("subscriptions")).isEmpty();
        assertThat(other.client().delete("/api/v1/subscriptions/" + id).status()).isEqualTo(404);
        assertThat(one.client().delete("/api/v1/subscriptions/" + id).status()).isEqualTo(204);
        assertThat(one.client().get("/api/v1/subscriptions").json().get("subscriptions")).isEmpty();
    }

    private static Map<String, Object> with(Map<String, Object> report, String key, Object value) {
        Map<String, Object> copy = new LinkedHashMap<>(report);
        copy.put(key, value);
        return copy;
    }
}

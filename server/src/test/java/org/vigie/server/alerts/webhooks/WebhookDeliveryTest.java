package org.vigie.server.alerts.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.vigie.core.alerts.webhooks.WebhookSignature;
import org.vigie.server.alerts.AlertProperties;
import org.vigie.server.alerts.DeliveryWorker;
import org.vigie.server.support.Api;
import org.vigie.server.support.BrowserSession;
import org.vigie.server.support.Fixtures;
import org.vigie.server.support.MutableClock;
import org.vigie.server.support.VigieTest;

/**
 * Webhooks end to end: a subscription made through the API (its secret answered once), a report
 * filed through the API, the outbox worker driven by hand with the controllable clock, and a receiver
 * on 127.0.0.1 that checks every signature and de-duplicates on X-Vigie-Delivery, as a subscriber's
 * would. No test sleeps: the clock is moved, and the test waits only for the attempts it started.
 */
@VigieTest
class WebhookDeliveryTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @LocalServerPort
    int port;

    @Autowired
    DeliveryWorker worker;

    @Autowired
    AlertProperties properties;

    @Autowired
    MutableClock clock;

    @Autowired
    JdbcClient jdbc;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    record Subscriber(Api client, String username, UUID organisation, UUID subscription, String secret, String keyword) {
    }

    private static String subscriberName(Subscriber s) {
        return s.username();
    }

    /** A person of a media organisation subscribing a webhook to reports that mention a keyword of their own. */
    private Subscriber subscribe(Fixtures fixtures, UUID organisation, String url, String mode) {
        String keyword = "hook" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        String username = fixtures.account(organisation, "ANALYST");
        Api client = fixtures.signedIn(username);
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("name", "Hook " + keyword);
        request.put("channels", List.of("WEBHOOK"));
        request.put("webhookUrl", url);
        request.put("watchList", List.of(Map.of("type", "keyword", "value", keyword)));
        request.put("mode", mode);
        Api.Response created = client.post("/api/v1/subscriptions", request);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String secret = created.json().get("webhookSecret").asText();
        assertThat(secret).startsWith("vwhs_").hasSizeGreaterThan(40);
        UUID id = UUID.fromString(created.json().get("id").asText());
        assertThat(client.get("/api/v1/subscriptions/" + id).json().has("webhookSecret")).as("shown once only").isFalse();
        return new Subscriber(client, username, organisation, id, secret, keyword);
    }

    private static String file(Api author, String title, String tlp, List<UUID> organisations) {
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("title", title);
        report.put("summary", "Summary of " + title);
        report.put("types", List.of("IMPERSONATION"));
        report.put("outcome", "ATTEMPTED");
        report.put("tlp", tlp);
        if (!organisations.isEmpty()) {
            report.put("organisations", organisations);
        }
        Api.Response filed = author.post("/api/v1/reports", report);
        assertThat(filed.status()).as(filed.toString()).isEqualTo(201);
        return filed.json().get("id").asText();
    }

    record Row(UUID id, String status, int attempts, String lastError, Instant nextAttemptAt, String idempotencyKey) {
    }

    private List<Row> webhookRows(UUID subscription) {
        return jdbc.sql("SELECT id, status, attempts, last_error, next_attempt_at, idempotency_key FROM notifications"
                        + " WHERE subscription_id = :s AND channel = 'WEBHOOK' ORDER BY created_at, id")
                .param("s", subscription)
                .query((rs, n) -> new Row(rs.getObject("id", UUID.class), rs.getString("status"), rs.getInt("attempts"),
                        rs.getString("last_error"), rs.getTimestamp("next_attempt_at").toInstant(), rs.getString("idempotency_key")))
                .list();
    }

    /** One worker round, then wait for the attempts it started (the worker itself never waits for them). */
    private void round() {
        worker.deliverDue();
        assertThat(worker.awaitIdle(Duration.ofSeconds(20))).isTrue();
    }

    @Test
    void eachNotificationIsReceivedSignedAndExactlyOnceAfterAForcedRetry() throws IOException {
        Fixtures fixtures = new Fixtures(port);
        try (TestReceiver receiver = new TestReceiver("not yet known")) {
            Subscriber subscriber = subscribe(fixtures, fixtures.organisation("MEDIA"), receiver.url("/flaky").toString(), "IMMEDIATE");
            receiver.useSecret(subscriber.secret());
            receiver.failNext("/flaky", 1, 500);
            Api author = fixtures.signedIn(fixtures.account(fixtures.organisation("ELECTION_MANAGEMENT_BODY"), "ANALYST"));
            String title = "Fake polling station notice " + subscriber.keyword();
            String report = file(author, title, "CLEAR", List.of());

            Instant start = clock.instant();
            round();
            assertThat(receiver.requests.get()).isEqualTo(1);
            assertThat(receiver.accepted).isEmpty();
            Row failed = webhookRows(subscriber.subscription()).get(0);
            assertThat(failed.status()).isEqualTo("FAILED");
            assertThat(failed.attempts()).isEqualTo(1);
            assertThat(failed.lastError()).contains("HTTP 500");
            assertThat(failed.nextAttemptAt()).isAfterOrEqualTo(start.plus(properties.retryPolicy().minDelay(1)).minusMillis(1));

            round();
            assertThat(receiver.requests.get()).as("not due yet: not tried").isEqualTo(1);

            clock.advance(properties.retryPolicy().baseDelay(1));
            round();
            assertThat(receiver.accepted).hasSize(1);
            assertThat(receiver.badSignatures.get()).isZero();
            Row delivered = webhookRows(subscriber.subscription()).get(0);
            assertThat(delivered.status()).isEqualTo("DELIVERED");
            assertThat(delivered.attempts()).isEqualTo(2);

            TestReceiver.Received received = receiver.accepted.get(0);
            assertThat(received.eventId()).as("X-Vigie-Delivery is the idempotency key").isEqualTo(delivered.idempotencyKey());
            assertThat(received.eventType()).isEqualTo("report.published");
            assertThat(WebhookSignature.verify(subscriber.secret().getBytes(java.nio.charset.StandardCharsets.UTF_8), received.body(),
                    received.signature())).isTrue();
            JsonNode body = JSON.readTree(received.body());
            assertThat(body.get("id").asText()).isEqualTo(delivered.idempotencyKey());
            assertThat(body.at("/data/title").asText()).isEqualTo(title);
            assertThat(body.at("/data/tlp").asText()).isEqualTo("TLP:CLEAR");
            assertThat(body.at("/data/link").asText()).endsWith("/reports/" + report);

            clock.advance(Duration.ofDays(1));
            round();
            assertThat(receiver.requests.get()).as("a delivered notification is not sent again").isEqualTo(2);
            assertThat(receiver.duplicates.get()).isZero();
        }
    }

    @Test
    void restrictedReportsReachAWebhookAsTheLinkAndTheMarkingOnly() throws IOException {
        Fixtures fixtures = new Fixtures(port);
        UUID organisation = fixtures.organisation("ELECTION_MANAGEMENT_BODY");
        try (TestReceiver receiver = new TestReceiver("not yet known")) {
            // a colleague of the author: may see the AMBER+STRICT report, but its content stays in Vigie
            Subscriber subscriber = subscribe(fixtures, organisation, receiver.url("/ok").toString(), "IMMEDIATE");
            receiver.useSecret(subscriber.secret());
            Api author = fixtures.signedIn(fixtures.account(organisation, "ANALYST"));
            String title = "Secret investigation " + subscriber.keyword();
            String report = file(author, title, "AMBER_STRICT", List.of());
            round();
            assertThat(receiver.accepted).hasSize(1);
            String raw = new String(receiver.accepted.get(0).body(), java.nio.charset.StandardCharsets.UTF_8);
            assertThat(raw).doesNotContain("Secret investigation").doesNotContain(subscriber.keyword()).doesNotContain("Summary");
            JsonNode data = JSON.readTree(raw).get("data");
            assertThat(data.get("tlp").asText()).isEqualTo("TLP:AMBER+STRICT");
            assertThat(data.get("restricted").asBoolean()).isTrue();
            assertThat(data.get("link").asText()).endsWith("/reports/" + report);
            assertThat(data.has("title")).isFalse();
        }
    }

    @Test
    void aReceiverThatHangsDoesNotHoldUpAnother() throws IOException {
        Fixtures fixtures = new Fixtures(port);
        UUID media = fixtures.organisation("MEDIA");
        try (TestReceiver slow = new TestReceiver("x"); TestReceiver fast = new TestReceiver("x")) {
            Subscriber hanging = subscribe(fixtures, media, slow.url("/hang").toString(), "IMMEDIATE");
            slow.useSecret(hanging.secret());
            Subscriber quick = subscribe(fixtures, media, fast.url("/ok").toString(), "IMMEDIATE");
            fast.useSecret(quick.secret());
            Api author = fixtures.signedIn(fixtures.account(fixtures.organisation("ELECTION_MANAGEMENT_BODY"), "ANALYST"));
            file(author, "Both " + hanging.keyword() + " " + quick.keyword(), "CLEAR", List.of());

            long before = System.nanoTime();
            worker.deliverDue(); // returns at once: the attempts run on the dispatcher's threads
            assertThat(Duration.ofNanos(System.nanoTime() - before)).isLessThan(Duration.ofSeconds(5));
            Awaitility.await().atMost(10, TimeUnit.SECONDS).until(() -> fast.accepted.size() == 1);
            assertThat(slow.accepted).as("still hanging").isEmpty();
            assertThat(webhookRows(quick.subscription()).get(0).status()).isEqualTo("DELIVERED");
            slow.release.countDown();
            assertThat(worker.awaitIdle(Duration.ofSeconds(20))).isTrue();
            assertThat(webhookRows(hanging.subscription()).get(0).status()).isEqualTo("DELIVERED");
        }
    }

    @Test
    void anHourlyDigestIsOneCallCarryingEveryReportOfTheHour() throws IOException {
        Fixtures fixtures = new Fixtures(port);
        try (TestReceiver receiver = new TestReceiver("x")) {
            Subscriber subscriber = subscribe(fixtures, fixtures.organisation("MEDIA"), receiver.url("/ok").toString(), "HOURLY");
            receiver.useSecret(subscriber.secret());
            Api author = fixtures.signedIn(fixtures.account(fixtures.organisation("ELECTION_MANAGEMENT_BODY"), "ANALYST"));
            for (int i = 1; i <= 3; i++) {
                file(author, "Digest item " + i + " " + subscriber.keyword(), "CLEAR", List.of());
            }
            round();
            assertThat(receiver.requests.get()).as("the hour is not over").isZero();

            clock.advance(Duration.ofHours(1));
            round();
            assertThat(receiver.accepted).as("one call for the hour").hasSize(1);
            TestReceiver.Received call = receiver.accepted.get(0);
            assertThat(call.eventType()).isEqualTo("report.digest");
            JsonNode body = JSON.readTree(call.body());
            assertThat(body.get("items")).hasSize(3);
            assertThat(body.get("items").findValuesAsText("title"))
                    .containsExactlyInAnyOrder("Digest item 1 " + subscriber.keyword(), "Digest item 2 " + subscriber.keyword(),
                            "Digest item 3 " + subscriber.keyword());
            assertThat(webhookRows(subscriber.subscription())).extracting(Row::status).containsOnly("DELIVERED");

            clock.advance(Duration.ofHours(2));
            round();
            assertThat(receiver.requests.get()).isEqualTo(1);
        }
    }

    @Test
    void administratorsSeeAndReplayDeadNotificationsOfTheirScopeOnly() throws IOException {
        Fixtures fixtures = new Fixtures(port);
        UUID media = fixtures.organisation("MEDIA");
        try (TestReceiver receiver = new TestReceiver("x")) {
            Subscriber subscriber = subscribe(fixtures, media, receiver.url("/gone").toString(), "IMMEDIATE");
            receiver.useSecret(subscriber.secret());
            Api author = fixtures.signedIn(fixtures.account(fixtures.organisation("ELECTION_MANAGEMENT_BODY"), "ANALYST"));
            file(author, "Gone " + subscriber.keyword(), "CLEAR", List.of());
            round();
            Row dead = webhookRows(subscriber.subscription()).get(0);
            assertThat(dead.status()).as("410 Gone: dead at once").isEqualTo("DEAD");
            assertThat(dead.lastError()).contains("410");

            String mediaAdministratorName = fixtures.account(media, "ADMINISTRATOR");
            Api mediaAdministrator = fixtures.signedIn(mediaAdministratorName);
            Api otherAdministrator = fixtures.signedIn(fixtures.account(fixtures.organisation("MEDIA"), "ADMINISTRATOR"));
            JsonNode own = mediaAdministrator.get("/api/v1/notifications/dead-letters").json().get("deadLetters");
            assertThat(own.findValuesAsText("id")).contains(dead.id().toString());
            JsonNode entry = own.get(0);
            assertThat(entry.get("attempts").asInt()).isEqualTo(1);
            assertThat(entry.get("lastError").asText()).contains("410");
            assertThat(entry.toString()).as("never a secret or content").doesNotContain(subscriber.secret()).doesNotContain("Gone ");
            assertThat(otherAdministrator.get("/api/v1/notifications/dead-letters").json().get("deadLetters").findValuesAsText("id"))
                    .doesNotContain(dead.id().toString());
            assertThat(fixtures.admin().get("/api/v1/notifications/dead-letters").json().get("deadLetters").findValuesAsText("id"))
                    .contains(dead.id().toString());
            assertThat(subscriber.client().get("/api/v1/notifications/dead-letters").status()).isEqualTo(403);
            assertThat(otherAdministrator.post("/api/v1/notifications/dead-letters/" + dead.id() + "/replay", Map.of()).status())
                    .isEqualTo(404);
            BrowserSession page = BrowserSession.signedIn(port, mediaAdministratorName, Fixtures.PASSWORD, "fr");
            assertThat(page.get("/").body()).contains("href=\"/notifications/dead-letters\"").contains("Alertes non remises");
            BrowserSession.Page list = page.get("/notifications/dead-letters");
            assertThat(list.status()).isEqualTo(200);
            assertThat(list.body()).contains("dead-" + dead.id()).contains("410").contains("Rejouer");
            assertThat(BrowserSession.signedIn(port, subscriberName(subscriber), Fixtures.PASSWORD, "en").get("/").body())
                    .as("no link for a non-administrator").doesNotContain("/notifications/dead-letters");

            assertThat(mediaAdministrator.post("/api/v1/notifications/dead-letters/" + dead.id() + "/replay", Map.of()).status())
                    .isEqualTo(204);
            Row replayed = webhookRows(subscriber.subscription()).get(0);
            assertThat(replayed.status()).isEqualTo("PENDING");
            assertThat(replayed.attempts()).isZero();
            assertThat(jdbc.sql("SELECT count(*) FROM audit_log WHERE action = 'notification.replayed' AND target_id = :id")
                    .param("id", dead.id().toString()).query(Integer.class).single()).isEqualTo(1);
            round();
            assertThat(webhookRows(subscriber.subscription()).get(0).status()).as("still gone").isEqualTo("DEAD");
            assertThat(mediaAdministrator.post("/api/v1/notifications/dead-letters/replay", Map.of()).json().get("replayed").asInt())
                    .isGreaterThanOrEqualTo(1);
            assertThat(webhookRows(subscriber.subscription()).get(0).status()).isEqualTo("PENDING");
        }
    }

    @Test
    void theSubscriptionPageShowsTheNewSecretOnceAndRotatesIt() throws IOException {
        Fixtures fixtures = new Fixtures(port);
        String username = fixtures.account(fixtures.organisation("MEDIA"), "ANALYST");
        try (TestReceiver receiver = new TestReceiver("x")) {
            BrowserSession browser = BrowserSession.signedIn(port, username, Fixtures.PASSWORD, "en");
            BrowserSession.Page created = browser.submitFields("/subscriptions", "name", "Page hook", "channels", "WEBHOOK",
                    "webhookUrl", receiver.url("/ok").toString(), "mode", "IMMEDIATE");
            assertThat(created.status()).as(created.body()).isEqualTo(302);
            String shown = browser.follow(created).body();
            assertThat(shown).contains("id=\"webhook-secret\"").contains("vwhs_");
            String secret = shown.substring(shown.indexOf("vwhs_"), shown.indexOf("vwhs_") + 48);
            assertThat(browser.get("/subscriptions").body()).as("shown once").doesNotContain(secret).contains(receiver.url("/ok").toString());

            UUID id = UUID.fromString(fixtures.signedIn(username).get("/api/v1/subscriptions").json().at("/subscriptions/0/id").asText());
            String rotated = browser.follow(browser.submit("/subscriptions/" + id + "/webhook-secret", Map.of())).body();
            assertThat(rotated).contains("vwhs_").doesNotContain(secret);
            Api.Response api = fixtures.signedIn(username).post("/api/v1/subscriptions/" + id + "/webhook-secret", Map.of());
            assertThat(api.status()).isEqualTo(200);
            assertThat(api.json().get("webhookSecret").asText()).startsWith("vwhs_");
            assertThat(jdbc.sql("SELECT count(*) FROM audit_log WHERE action = 'subscription.webhook-secret.rotated' AND target_id = :id")
                    .param("id", id.toString()).query(Integer.class).single()).isEqualTo(2);
            assertThat(fixtures.signedIn(fixtures.account(fixtures.organisation("MEDIA"), "ANALYST"))
                    .post("/api/v1/subscriptions/" + id + "/webhook-secret", Map.of()).status()).as("not theirs").isEqualTo(404);
        }
    }

    @Test
    void aWebhookUrlThatIsNotHttpIsRefusedNamingTheField() {
        Fixtures fixtures = new Fixtures(port);
        Api client = fixtures.signedIn(fixtures.account(fixtures.organisation("MEDIA"), "ANALYST"));
        for (String url : List.of("ftp://hooks.example.org/x", "file:///etc/passwd", "javascript:alert(1)", "not a url")) {
            Api.Response refused = client.post("/api/v1/subscriptions", Map.of("name", "x", "channels", List.of("WEBHOOK"), "webhookUrl", url));
            assertThat(refused.status()).as(url).isEqualTo(400);
            assertThat(refused.json().get("errors").get(0).get("field").asText()).isEqualTo("webhookUrl");
        }
        Api.Response missing = client.post("/api/v1/subscriptions", Map.of("name", "x", "channels", List.of("WEBHOOK")));
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.json().get("errors").get(0).get("field").asText()).isEqualTo("webhookUrl");
    }
}

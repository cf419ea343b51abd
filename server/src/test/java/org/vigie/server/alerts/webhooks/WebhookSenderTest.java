package org.vigie.server.alerts.webhooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.vigie.core.alerts.webhooks.NotifiedReport;
import org.vigie.core.alerts.webhooks.ReportNotification;
import org.vigie.core.alerts.webhooks.RetryPolicy;
import org.vigie.core.alerts.webhooks.WebhookTargetRefused;
import org.vigie.core.alerts.webhooks.WebhookTargets;
import org.vigie.core.sharing.Distribution;
import org.vigie.core.sharing.Pap;
import org.vigie.core.sharing.Sharing;
import org.vigie.core.sharing.Tlp;
import org.vigie.core.sharing.Viewer;

/**
 * The webhook sender against a real HTTP receiver on 127.0.0.1 (private targets allowed for these
 * tests, except where a test checks that they are refused). Timeouts are short and nothing sleeps: a
 * hanging receiver blocks on a latch the test releases when it ends.
 */
class WebhookSenderTest {

    private static final String SECRET = "whsec-test-5f2c";
    private static final Duration CONNECT = Duration.ofSeconds(2);
    private static final Duration TOTAL = Duration.ofMillis(700);

    private TestReceiver receiver;
    private final WebhookTargetGuard allowPrivate = new WebhookTargetGuard(true, WebhookTargets.Resolver.SYSTEM);
    private final WebhookSender sender = new WebhookSender(allowPrivate, CONNECT, TOTAL);

    @BeforeEach
    void start() throws Exception {
        receiver = new TestReceiver(SECRET);
    }

    @AfterEach
    void stop() {
        receiver.close();
    }

    private static WebhookMessage message(URI url, String eventId, byte[] body) {
        return new WebhookMessage(url, SECRET.getBytes(StandardCharsets.UTF_8), eventId, ReportNotification.REPORT_PUBLISHED, body);
    }

    private static byte[] redReportBody(String eventId) {
        UUID me = UUID.randomUUID();
        NotifiedReport report = new NotifiedReport("incident--7d0c1f0e-4c55-4f4e-9a7e-3b1d2c5e6f70", "CANARY title",
                "CANARY summary", List.of("CANARY-type"), List.of("canary.example"),
                new Sharing(UUID.randomUUID(), Tlp.RED, Pap.RED, new Distribution(Set.of(), Set.of(), Set.of(me))));
        return WebhookPayloads.reportEvent(new Viewer(me, null, Set.of()), eventId, ReportNotification.REPORT_PUBLISHED,
                Instant.parse("2026-11-24T03:00:00Z"), report, URI.create("https://vigie.example/reports/incident--7d0c1f0e-4c55-4f4e-9a7e-3b1d2c5e6f70"))
                .orElseThrow();
    }

    @Test
    void theReceiverGetsASignedJsonBodyWithTheEventHeaders() throws Exception {
        String eventId = UUID.randomUUID().toString();
        byte[] body = redReportBody(eventId);

        Delivery delivery = sender.send(message(receiver.url("/hook"), eventId, body));

        assertThat(delivery.outcome()).isEqualTo(Delivery.Outcome.DELIVERED);
        assertThat(delivery.status()).isEqualTo(200);
        assertThat(delivery.responseExcerpt()).isEqualTo("thanks");
        assertThat(receiver.badSignatures).hasValue(0);
        assertThat(receiver.accepted).singleElement().satisfies(r -> {
            assertThat(r.eventId()).isEqualTo(eventId);
            assertThat(r.eventType()).isEqualTo("report.published");
            assertThat(r.contentType()).isEqualTo("application/json");
            assertThat(r.userAgent()).startsWith("Vigie-Hookshot/");
            assertThat(r.signature()).matches("sha256=[0-9a-f]{64}");
            assertThat(r.body()).isEqualTo(body);
            assertThat(new String(r.body(), StandardCharsets.UTF_8)).doesNotContainIgnoringCase("canary");
        });
        JsonNode json = new ObjectMapper().readTree(body);
        assertThat(json.path("data").path("tlp").asText()).isEqualTo("TLP:RED");
        assertThat(json.path("data").path("link").asText()).startsWith("https://vigie.example/reports/");
    }

    @Test
    void aForcedFailureIsRetriedAndTheNotificationArrivesExactlyOnce() {
        receiver.failNext(1);
        RetryPolicy policy = new RetryPolicy(Duration.ofSeconds(30), Duration.ofMinutes(10), 0.5, 5);
        Instant now = Instant.parse("2026-11-24T03:00:00Z");
        String eventId = UUID.randomUUID().toString();
        WebhookMessage message = message(receiver.url("/flaky"), eventId, redReportBody(eventId));

        // what the outbox worker does: attempt, ask the policy, attempt again when due (the clock is ours)
        Delivery first = sender.send(message);
        assertThat(first.outcome()).isEqualTo(Delivery.Outcome.TRANSIENT);
        assertThat(first.status()).isEqualTo(503);
        assertThat(first.retryable()).isTrue();
        RetryPolicy.Decision next = policy.afterFailure(1, now, new SplittableRandom(7));
        assertThat(next).isInstanceOfSatisfying(RetryPolicy.RetryAt.class,
                at -> assertThat(at.at()).isBetween(now.plusSeconds(15), now.plusSeconds(30)));

        Delivery second = sender.send(message);

        assertThat(second.delivered()).isTrue();
        assertThat(receiver.requests).hasValue(2);
        assertThat(receiver.accepted).singleElement().satisfies(r -> assertThat(r.eventId()).isEqualTo(eventId));
        // at-least-once: a third send (a worker crashed before recording success) is recognised by its key
        assertThat(sender.send(message).delivered()).isTrue();
        assertThat(receiver.accepted).hasSize(1);
        assertThat(receiver.duplicates).hasValue(1);
    }

    @Test
    void responsesAreClassified() {
        byte[] body = "{}".getBytes(StandardCharsets.UTF_8);

        Delivery gone = sender.send(message(receiver.url("/gone"), "e1", body));
        assertThat(gone.outcome()).isEqualTo(Delivery.Outcome.GONE);
        assertThat(gone.deadNow()).isTrue();

        Delivery missing = sender.send(message(receiver.url("/missing"), "e2", body));
        assertThat(missing.outcome()).isEqualTo(Delivery.Outcome.REJECTED);
        assertThat(missing.retryable()).isTrue();
        assertThat(missing.responseExcerpt()).isEqualTo("no such hook");

        Delivery busy = sender.send(message(receiver.url("/busy"), "e3", body));
        assertThat(busy.outcome()).isEqualTo(Delivery.Outcome.TRANSIENT);
        assertThat(busy.retryAfter()).contains(Duration.ofSeconds(7));

        Delivery wrongSecret = new WebhookSender(allowPrivate, CONNECT, TOTAL).send(
                new WebhookMessage(receiver.url("/hook"), "not-the-secret".getBytes(StandardCharsets.UTF_8), "e4", "report.published", body));
        assertThat(wrongSecret.status()).isEqualTo(401);
        assertThat(wrongSecret.outcome()).isEqualTo(Delivery.Outcome.REJECTED);
        assertThat(receiver.badSignatures).hasValue(1);
    }

    @Test
    void redirectsAreNotFollowed() {
        Delivery redirected = sender.send(message(receiver.url("/redirect"), "e1", "{}".getBytes(StandardCharsets.UTF_8)));

        assertThat(redirected.status()).isEqualTo(302);
        assertThat(redirected.outcome()).isEqualTo(Delivery.Outcome.REJECTED);
        assertThat(receiver.requests).hasValue(1);
        assertThat(receiver.accepted).isEmpty();
    }

    @Test
    void onlyTheStartOfALargeResponseIsKept() {
        Delivery big = sender.send(message(receiver.url("/big"), "e1", "{}".getBytes(StandardCharsets.UTF_8)));

        assertThat(big.status()).isEqualTo(500);
        assertThat(big.responseExcerpt()).hasSize(WebhookSender.KEPT_RESPONSE_BYTES);
    }

    @Test
    void aHangingReceiverCostsOneTimeoutAndNoMore() {
        Delivery hung = sender.send(message(receiver.url("/hang"), "e1", "{}".getBytes(StandardCharsets.UTF_8)));

        assertThat(hung.outcome()).isEqualTo(Delivery.Outcome.TRANSIENT);
        assertThat(hung.status()).isZero();
        assertThat(hung.responseExcerpt()).contains("timed out");
        assertThat(hung.elapsed()).isLessThan(TOTAL.plusSeconds(2));
    }

    @Test
    void aRefusedConnectionIsTransient() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            closedPort = socket.getLocalPort();
        }
        Delivery refused = sender.send(message(URI.create("http://127.0.0.1:" + closedPort + "/hook"), "e1", "{}".getBytes(StandardCharsets.UTF_8)));

        assertThat(refused.outcome()).isEqualTo(Delivery.Outcome.TRANSIENT);
        assertThat(refused.responseExcerpt()).containsIgnoringCase("refused");
    }

    @Test
    void loopbackIsRefusedWhenInternalTargetsAreNotAllowed() {
        WebhookTargetGuard strict = new WebhookTargetGuard(false, WebhookTargets.Resolver.SYSTEM);

        assertThatThrownBy(() -> strict.checkSubscriptionUrl(receiver.url("/hook").toString()))
                .isInstanceOfSatisfying(WebhookTargetRefused.class, e -> {
                    assertThat(e.field()).isEqualTo("url");
                    assertThat(e.reason()).contains("127.0.0.1", "a loopback address");
                });
        Delivery refused = new WebhookSender(strict, CONNECT, TOTAL).send(message(receiver.url("/hook"), "e1", "{}".getBytes(StandardCharsets.UTF_8)));
        assertThat(refused.outcome()).isEqualTo(Delivery.Outcome.REFUSED_TARGET);
        assertThat(refused.deadNow()).isTrue();
        assertThat(receiver.requests).hasValue(0);
    }

    @Test
    void aHostThatLaterResolvesInsideIsRefusedAtDeliveryTime() throws Exception {
        // DNS rebinding: public when the subscription is saved, loopback when the worker sends
        AtomicInteger lookups = new AtomicInteger();
        WebhookTargets.Resolver rebinding = host -> new InetAddress[] {lookups.getAndIncrement() == 0
                ? InetAddress.getByAddress(host, new byte[] {93, (byte) 184, (byte) 215, 14})
                : InetAddress.getByAddress(host, new byte[] {127, 0, 0, 1})};
        WebhookTargetGuard strict = new WebhookTargetGuard(false, rebinding);
        URI url = URI.create("http://rebind.test:" + receiver.url("/").getPort() + "/hook");

        assertThat(strict.checkSubscriptionUrl(url.toString())).isEqualTo(url);
        Delivery delivery = new WebhookSender(strict, CONNECT, TOTAL).send(message(url, "e1", "{}".getBytes(StandardCharsets.UTF_8)));

        assertThat(delivery.outcome()).isEqualTo(Delivery.Outcome.REFUSED_TARGET);
        assertThat(delivery.responseExcerpt()).contains("rebind.test resolves to 127.0.0.1");
        assertThat(receiver.requests).hasValue(0);
    }

    @Test
    void aHostThatStopsResolvingIsRetriedNotDropped() {
        WebhookTargetGuard guard = new WebhookTargetGuard(false, host -> {
            throw new java.net.UnknownHostException(host);
        });
        Delivery delivery = new WebhookSender(guard, CONNECT, TOTAL)
                .send(message(URI.create("https://hooks.gone.test/x"), "e1", "{}".getBytes(StandardCharsets.UTF_8)));

        assertThat(delivery.outcome()).isEqualTo(Delivery.Outcome.TRANSIENT);
        assertThat(delivery.responseExcerpt()).isEqualTo("host hooks.gone.test does not resolve");
    }

    @Test
    void aSlowReceiverDoesNotBlockDeliveriesToOthers() throws Exception {
        try (TestReceiver other = new TestReceiver(SECRET);
             WebhookDispatcher dispatcher = new WebhookDispatcher(new WebhookSender(allowPrivate, CONNECT, Duration.ofSeconds(20)), 4, 1)) {
            BlockingQueue<Delivery> done = new ArrayBlockingQueue<>(10);
            byte[] body = "{}".getBytes(StandardCharsets.UTF_8);

            assertThat(dispatcher.trySubmit(message(receiver.url("/hang"), "slow-1", body), done::add)).isTrue();
            // the hanging receiver's only slot is taken: refused at once, not queued behind it
            assertThat(dispatcher.trySubmit(message(receiver.url("/hook"), "slow-2", body), done::add)).isFalse();
            assertThat(dispatcher.trySubmit(message(other.url("/hook"), "fast-1", body), done::add)).isTrue();

            Delivery fast = done.poll(10, TimeUnit.SECONDS);
            assertThat(fast).isNotNull();
            assertThat(fast.delivered()).isTrue();
            assertThat(other.accepted).singleElement().satisfies(r -> assertThat(r.eventId()).isEqualTo("fast-1"));

            receiver.release.countDown();
            Delivery slow = done.poll(10, TimeUnit.SECONDS);
            assertThat(slow).isNotNull();
            assertThat(slow.delivered()).isTrue();
        }
    }
}

package org.vigie.server.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.transaction.support.TransactionTemplate;
import org.vigie.server.support.Api;
import org.vigie.server.support.Fixtures;
import org.vigie.server.support.MutableClock;
import org.vigie.server.support.VigieTest;

/**
 * The delivery worker with a clock moved by hand: retries after a growing wait, gives up after the
 * last attempt, and finds again what a crashed worker had claimed. No test sleeps.
 */
@VigieTest
class DeliveryWorkerTest {

    @LocalServerPort
    int port;

    @Autowired
    DeliveryWorker worker;

    @Autowired
    NotificationRepository notifications;

    @Autowired
    AlertOutbox outbox;

    @Autowired
    AlertProperties properties;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    MutableClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    /** A report filed by another organisation, matching a fresh subscriber's "everything": its in-app notification. */
    private Notification pendingNotification() {
        // other test classes share the database and leave notifications due: deliver them first, so
        // that every round of this test claims only the notification it watches
        Map<AlertChannel, NotificationSender> accepting = sending(null, new AtomicInteger(), 0);
        for (AlertChannel channel : AlertChannel.values()) {
            accepting.putIfAbsent(channel, accepting.get(AlertChannel.IN_APP));
        }
        while (worker.deliverDue(accepting).claimed() > 0) {
            // until nothing is due
        }
        Fixtures fixtures = new Fixtures(port);
        Api watcher = fixtures.signedIn(fixtures.account(fixtures.organisation("MEDIA"), "ANALYST"));
        UUID account = UUID.fromString(watcher.get("/api/v1/me").json().get("id").asText());
        assertThat(watcher.post("/api/v1/subscriptions", Map.of("name", "Everything")).status()).isEqualTo(201);
        Api author = fixtures.signedIn(fixtures.account(fixtures.organisation("ELECTION_MANAGEMENT_BODY"), "ANALYST"));
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("title", "Worker probe " + UUID.randomUUID());
        report.put("types", List.of("DDOS"));
        report.put("outcome", "ATTEMPTED");
        report.put("tlp", "CLEAR");
        Api.Response filed = author.post("/api/v1/reports", report);
        assertThat(filed.status()).as(filed.toString()).isEqualTo(201);
        return outbox.about(filed.json().get("id").asText()).stream().filter(n -> n.recipientAccount().equals(account))
                .findFirst().orElseThrow();
    }

    /**
     * A sender that fails the watched notification's first {@code failures} attempts and counts them;
     * others (other subscribers of the same report, in the shared database) are accepted and not counted.
     */
    private static Map<AlertChannel, NotificationSender> sending(UUID watched, AtomicInteger calls, int failures) {
        Map<AlertChannel, NotificationSender> senders = new EnumMap<>(AlertChannel.class);
        senders.put(AlertChannel.IN_APP, new NotificationSender() {
            @Override
            public AlertChannel channel() {
                return AlertChannel.IN_APP;
            }

            @Override
            public void send(Notification notification) {
                if (watched != null && !notification.id().equals(watched)) {
                    return;
                }
                if (calls.incrementAndGet() <= failures) {
                    throw new DeliveryException("receiver down (" + calls.get() + ")");
                }
            }
        });
        return senders;
    }

    @Test
    void aFailedDeliveryIsRetriedAfterAGrowingWaitAndDeliveredOnce() {
        Notification pending = pendingNotification();
        assertThat(pending.status()).isEqualTo(NotificationStatus.PENDING);
        AtomicInteger calls = new AtomicInteger();
        Map<AlertChannel, NotificationSender> flaky = sending(pending.id(), calls, 2);

        Instant start = clock.instant();
        worker.deliverDue(flaky);
        Notification once = notifications.get(pending.id());
        assertThat(once.status()).isEqualTo(NotificationStatus.FAILED);
        assertThat(once.attempts()).isEqualTo(1);
        assertThat(once.lastError()).contains("receiver down");
        assertThat(once.nextAttemptAt()).isAfterOrEqualTo(start.plus(properties.retryPolicy().minDelay(1)).minusMillis(1));

        worker.deliverDue(flaky);
        assertThat(notifications.get(pending.id()).attempts()).as("not due yet: not tried").isEqualTo(1);

        clock.advance(properties.backoffBase());
        Instant second = clock.instant();
        worker.deliverDue(flaky);
        Notification twice = notifications.get(pending.id());
        assertThat(twice.attempts()).isEqualTo(2);
        assertThat(twice.nextAttemptAt()).as("the wait doubles").isAfterOrEqualTo(second.plus(properties.retryPolicy().minDelay(2)).minusMillis(1));

        clock.advance(properties.backoffBase().multipliedBy(2));
        worker.deliverDue(flaky);
        Notification delivered = notifications.get(pending.id());
        assertThat(delivered.status()).isEqualTo(NotificationStatus.DELIVERED);
        assertThat(delivered.attempts()).isEqualTo(3);
        assertThat(delivered.deliveredAt()).isNotNull();

        clock.advance(Duration.ofDays(1));
        worker.deliverDue(flaky);
        assertThat(calls.get()).as("a delivered notification is not sent again").isEqualTo(3);
    }

    @Test
    void aNotificationThatNeverGetsThroughIsDeadAfterTheLastAttempt() {
        Notification pending = pendingNotification();
        AtomicInteger calls = new AtomicInteger();
        Map<AlertChannel, NotificationSender> down = sending(pending.id(), calls, Integer.MAX_VALUE);
        for (int attempt = 1; attempt <= properties.maxAttempts(); attempt++) {
            worker.deliverDue(down);
            assertThat(notifications.get(pending.id()).attempts()).isEqualTo(attempt);
            clock.advance(properties.backoffMax());
        }
        Notification dead = notifications.get(pending.id());
        assertThat(dead.status()).isEqualTo(NotificationStatus.DEAD);
        assertThat(dead.attempts()).isEqualTo(properties.maxAttempts());

        clock.advance(Duration.ofDays(7));
        worker.deliverDue(down);
        assertThat(notifications.get(pending.id()).attempts()).as("a dead notification waits for a replay").isEqualTo(properties.maxAttempts());
    }

    @Test
    void whatACrashedWorkerHadClaimedIsDueAgainWhenItsLeaseRunsOut() {
        Notification pending = pendingNotification();
        // a worker claims the row, then the process dies before it records anything
        Instant now = clock.instant();
        List<Notification> claimed = transactions.execute(tx -> notifications.claim(now, now.plus(properties.lease()), 10_000));
        assertThat(claimed).extracting(Notification::id).contains(pending.id());

        AtomicInteger calls = new AtomicInteger();
        worker.deliverDue(sending(pending.id(), calls, 0));
        assertThat(notifications.get(pending.id()).status()).as("still leased").isEqualTo(NotificationStatus.PENDING);

        clock.advance(properties.lease());
        worker.deliverDue(sending(pending.id(), calls, 0));
        Notification delivered = notifications.get(pending.id());
        assertThat(delivered.status()).isEqualTo(NotificationStatus.DELIVERED);
        assertThat(delivered.attempts()).isEqualTo(2);
    }

    @Test
    void theWaitDoublesUpToItsMaximum() {
        AlertProperties p = new AlertProperties(null, null, 8, Duration.ofSeconds(30), Duration.ofMinutes(10), null, 0);
        assertThat(p.backoff(1)).isEqualTo(Duration.ofSeconds(30));
        assertThat(p.backoff(2)).isEqualTo(Duration.ofSeconds(60));
        assertThat(p.backoff(4)).isEqualTo(Duration.ofSeconds(240));
        assertThat(p.backoff(6)).isEqualTo(Duration.ofMinutes(10));
        assertThat(p.backoff(60)).isEqualTo(Duration.ofMinutes(10));
    }
}

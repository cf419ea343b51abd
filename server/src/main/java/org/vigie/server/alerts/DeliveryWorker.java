package org.vigie.server.alerts;

import java.time.Clock;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Delivers the outbox. A round claims due notifications in a short transaction — rows another worker
 * holds are skipped ({@code FOR UPDATE SKIP LOCKED}) and each claimed row is leased (its next attempt
 * moved past the lease) — then delivers each one outside any transaction and records the outcome.
 * A failure waits an exponentially growing time; after the last attempt the notification is dead.
 * Nothing is held in memory: after a crash or a restart, pending rows and rows whose lease ran out are
 * simply due (at-least-once delivery; receivers de-duplicate on the idempotency key).
 */
@Component
public class DeliveryWorker {

    private static final Logger log = LoggerFactory.getLogger(DeliveryWorker.class);

    private final NotificationRepository notifications;
    private final Map<AlertChannel, NotificationSender> senders = new EnumMap<>(AlertChannel.class);
    private final AlertProperties properties;
    private final TransactionTemplate transactions;
    private final Clock clock;

    DeliveryWorker(NotificationRepository notifications, List<NotificationSender> senders, AlertProperties properties,
                   TransactionTemplate transactions, Clock clock) {
        this.notifications = notifications;
        senders.forEach(s -> this.senders.put(s.channel(), s));
        this.properties = properties;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** What one round did. */
    public record Round(int delivered, int failed, int dead) {

        public int claimed() {
            return delivered + failed + dead;
        }
    }

    /** One round: claims up to the batch size of due notifications and delivers them. */
    public Round deliverDue() {
        return deliverDue(senders);
    }

    /** Rounds until nothing is due now; for the CLI and tests. */
    public Round deliverAllDue() {
        int delivered = 0;
        int failed = 0;
        int dead = 0;
        Round round;
        do {
            round = deliverDue();
            delivered += round.delivered();
            failed += round.failed();
            dead += round.dead();
        } while (round.claimed() > 0 && round.delivered() + round.failed() + round.dead() == properties.batch());
        return new Round(delivered, failed, dead);
    }

    Round deliverDue(Map<AlertChannel, NotificationSender> with) {
        Instant now = clock.instant();
        List<Notification> claimed = transactions.execute(tx -> notifications.claim(now, now.plus(properties.lease()), properties.batch()));
        int delivered = 0;
        int failed = 0;
        int dead = 0;
        for (Notification notification : claimed) {
            int attempts = notification.attempts(); // counted at the claim
            try {
                NotificationSender sender = with.get(notification.channel());
                if (sender == null) {
                    throw new NotificationSender.DeliveryException("no sender for channel " + notification.channel());
                }
                sender.send(notification);
                notifications.markDelivered(notification.id(), clock.instant(), attempts);
                delivered++;
            } catch (RuntimeException e) {
                String error = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
                error = error.length() > 500 ? error.substring(0, 500) : error;
                if (attempts >= properties.maxAttempts()) {
                    notifications.markFailed(notification.id(), NotificationStatus.DEAD, attempts, clock.instant(), error);
                    log.warn("notification {} ({}) is dead after {} attempts: {}", notification.id(), notification.channel(), attempts, error);
                    dead++;
                } else {
                    notifications.markFailed(notification.id(), NotificationStatus.FAILED, attempts,
                            clock.instant().plus(properties.backoff(attempts)), error);
                    failed++;
                }
            }
        }
        return new Round(delivered, failed, dead);
    }
}

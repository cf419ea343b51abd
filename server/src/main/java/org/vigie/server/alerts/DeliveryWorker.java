package org.vigie.server.alerts;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.vigie.core.alerts.webhooks.RetryPolicy;
import org.vigie.server.alerts.NotificationSender.Dispatch;
import org.vigie.server.alerts.NotificationSender.Outcome;

/**
 * Delivers the outbox. A round claims due notifications in a short transaction — rows another worker
 * holds are skipped ({@code FOR UPDATE SKIP LOCKED}) and each claimed row is leased (its next attempt
 * moved past the lease) — then hands them to the channels' senders outside any transaction; each
 * outcome is recorded when it is known. Digest rows are claimed by whole groups (subscription +
 * recipient + channel) and leave as one message. A failure waits per the {@link RetryPolicy}
 * (and at least what the receiver asked with Retry-After); after the last attempt the notification is
 * dead (dead-letter list). Nothing is held in memory: after a crash or a restart, pending rows and rows
 * whose lease ran out are simply due (at-least-once delivery; receivers de-duplicate on the
 * idempotency key).
 *
 * <p>A round does not wait for slow channels: the webhook sender starts its attempts on its own
 * threads and reports back; webhook rows are claimed no faster than it has free slots, and rows it
 * could not start (receiver busy) are given back at once, without counting an attempt.
 */
@Component
public class DeliveryWorker {

    private static final Logger log = LoggerFactory.getLogger(DeliveryWorker.class);

    /** Free delivery slots that make it worth waking the loop before its tick. */
    static final int REFILL = 32;

    private final NotificationRepository notifications;
    private final Map<AlertChannel, NotificationSender> senders = new EnumMap<>(AlertChannel.class);
    private final AlertProperties properties;
    private final RetryPolicy retries;
    private final TransactionTemplate transactions;
    private final DeliveryNudge nudge;
    private final Clock clock;

    private final ReentrantLock idleLock = new ReentrantLock();
    private final Condition idle = idleLock.newCondition();
    private int inFlight;
    private volatile boolean moreWaiting;
    private final ConcurrentLinkedQueue<Recorded> outcomes = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean writing = new AtomicBoolean();

    DeliveryWorker(NotificationRepository notifications, List<NotificationSender> senders, AlertProperties properties,
                   TransactionTemplate transactions, DeliveryNudge nudge, Clock clock) {
        this.notifications = notifications;
        senders.forEach(s -> this.senders.put(s.channel(), s));
        this.properties = properties;
        this.retries = properties.retryPolicy();
        this.transactions = transactions;
        this.nudge = nudge;
        this.clock = clock;
    }

    /**
     * What one round did.
     *
     * @param claimed   rows claimed
     * @param delivered rows whose delivery was known to succeed when the round returned (synchronous channels)
     * @param failed    rows that failed and will be tried again, as known when the round returned
     * @param dead      rows that became dead, as known when the round returned
     * @param busy      rows given back because their receiver had no free slot
     */
    public record Round(int claimed, int delivered, int failed, int dead, int busy) {

        static final Round NOTHING = new Round(0, 0, 0, 0, 0);

        Round plus(Round other) {
            return new Round(claimed + other.claimed, delivered + other.delivered, failed + other.failed, dead + other.dead,
                    busy + other.busy);
        }
    }

    /** One round: claims due notifications and starts delivering them; does not wait for slow channels. */
    public Round deliverDue() {
        return deliverDue(senders);
    }

    /**
     * Rounds until nothing is due now, then waits for every delivery started to finish (at most the
     * lease); for the CLI and tests. The counts are those known when each round returned.
     */
    public Round deliverAllDue() {
        Round total = Round.NOTHING;
        Round round;
        do {
            round = deliverDue();
            total = total.plus(round);
            if (round.busy() > 0) {
                awaitIdle(properties.lease()); // a slot frees up when an attempt ends
            }
        } while (round.claimed() > 0);
        awaitIdle(properties.lease());
        return total;
    }

    /** Whether a round left rows behind (a full batch, or rows given back): the loop should run again soon. */
    boolean moreWaiting() {
        return moreWaiting;
    }

    /**
     * Waits until no delivery started by a round is still running.
     *
     * @return false when the timeout passed first
     */
    public boolean awaitIdle(Duration timeout) {
        idleLock.lock();
        try {
            long left = timeout.toNanos();
            while (inFlight > 0) {
                if (left <= 0) {
                    return false;
                }
                left = idle.awaitNanos(left);
            }
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } finally {
            idleLock.unlock();
        }
    }

    Round deliverDue(Map<AlertChannel, NotificationSender> with) {
        // until this round knows better: attempts ending while it runs must wake the loop, or their
        // freed slots would wait for the next tick
        moreWaiting = true;
        Instant now = clock.instant();
        Instant lease = now.plus(properties.lease());
        int batch = properties.batch();
        NotificationSender webhooks = with.get(AlertChannel.WEBHOOK);
        int webhookRoom = webhooks == null ? batch : Math.min(batch, webhooks.capacity());
        int[] full = new int[1]; // how many of the three claims hit their limit
        List<Dispatch> dispatches = transactions.execute(tx -> {
            notifications.relaxDurabilityOfThisTransaction();
            List<Dispatch> claimed = new ArrayList<>();
            List<Notification> others = notifications.claimImmediate(now, lease, batch, false);
            others.forEach(n -> claimed.add(new Dispatch(List.of(n), false)));
            full[0] += others.size() >= batch ? 1 : 0;
            if (webhookRoom > 0) {
                List<Notification> hooks = notifications.claimImmediate(now, lease, webhookRoom, true);
                hooks.forEach(n -> claimed.add(new Dispatch(List.of(n), false)));
                full[0] += hooks.size() >= webhookRoom ? 1 : 0;
            }
            List<Dispatch> digests = digests(notifications.claimDigests(now, lease, batch));
            claimed.addAll(digests);
            full[0] += digests.size() >= batch ? 1 : 0;
            return claimed;
        });
        Map<AlertChannel, List<Dispatch>> byChannel = new EnumMap<>(AlertChannel.class);
        int claimed = 0;
        for (Dispatch dispatch : dispatches) {
            byChannel.computeIfAbsent(dispatch.first().channel(), c -> new ArrayList<>()).add(dispatch);
            claimed += dispatch.items().size();
        }
        Counts counts = new Counts();
        List<UUID> busy = new ArrayList<>();
        for (Map.Entry<AlertChannel, List<Dispatch>> channel : byChannel.entrySet()) {
            NotificationSender sender = with.get(channel.getKey());
            if (sender == null) {
                channel.getValue().forEach(d -> record(d, Outcome.failed("no sender for channel " + channel.getKey()), counts));
                continue;
            }
            try {
                sender.prepare(channel.getValue());
            } catch (RuntimeException e) {
                log.warn("preparing {} deliveries failed", channel.getKey(), e);
            }
            for (Dispatch dispatch : channel.getValue()) {
                start(sender, dispatch, counts, busy);
            }
        }
        if (!busy.isEmpty()) {
            transactions.executeWithoutResult(tx -> {
                notifications.relaxDurabilityOfThisTransaction();
                notifications.release(busy, now);
            });
        }
        // rows may be left due: the loop runs again at once, or when an attempt ends and frees a slot
        moreWaiting = !busy.isEmpty() || full[0] > 0 || (webhooks != null && webhookRoom == 0);
        return new Round(claimed, counts.delivered.get(), counts.failed.get(), counts.dead.get(), busy.size());
    }

    private void start(NotificationSender sender, Dispatch dispatch, Counts counts, List<UUID> busy) {
        inFlight(+1);
        boolean started;
        try {
            started = sender.start(dispatch, outcome -> record(dispatch, outcome, counts, true));
        } catch (RuntimeException e) {
            inFlight(-1);
            record(dispatch, Outcome.failed(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()), counts);
            return;
        }
        if (!started) {
            inFlight(-1);
            dispatch.items().forEach(n -> busy.add(n.id()));
        }
    }

    /** Digest rows, claimed by whole groups, back into their groups (in claim order). */
    private static List<Dispatch> digests(List<Notification> rows) {
        Map<List<Object>, List<Notification>> groups = new LinkedHashMap<>();
        for (Notification n : rows) {
            Object subscription = n.subscriptionId() == null ? n.id() : n.subscriptionId();
            // Arrays.asList: a point of contact's row has no recipient account (null)
            groups.computeIfAbsent(Arrays.asList(subscription, n.recipientAccount(), n.recipientEmail(), n.channel()),
                    k -> new ArrayList<>()).add(n);
        }
        return groups.values().stream().map(items -> new Dispatch(items, true)).toList();
    }

    /** An outcome waiting to be written, with the counters of the round that started it. */
    private record Recorded(Dispatch dispatch, Outcome outcome, Counts counts, Instant at, boolean started) {
    }

    /**
     * Records an outcome. Outcomes arrive from many delivery threads; writing each in its own
     * transaction made the database the bottleneck (a few hundred per second). So they are queued and
     * whichever thread finds no writer at work becomes the writer and drains the queue in batches: one
     * statement for all delivered rows of a batch, one transaction per batch. A started attempt counts
     * as running until its outcome is written, so {@link #awaitIdle} means "written".
     */
    private void record(Dispatch dispatch, Outcome outcome, Counts counts) {
        record(dispatch, outcome, counts, false);
    }

    private void record(Dispatch dispatch, Outcome outcome, Counts counts, boolean started) {
        outcomes.add(new Recorded(dispatch, outcome, counts, clock.instant(), started));
        while (!outcomes.isEmpty() && writing.compareAndSet(false, true)) {
            try {
                List<Recorded> batch = new ArrayList<>();
                Recorded next;
                while (batch.size() < 1_000 && (next = outcomes.poll()) != null) {
                    batch.add(next);
                }
                write(batch);
            } finally {
                writing.set(false);
            }
        }
    }

    private void write(List<Recorded> batch) {
        if (batch.isEmpty()) {
            return;
        }
        try {
            transactions.executeWithoutResult(tx -> {
                notifications.relaxDurabilityOfThisTransaction();
                List<UUID> delivered = new ArrayList<>();
                List<Instant> deliveredAt = new ArrayList<>();
                for (Recorded r : batch) {
                    if (r.outcome().delivered()) {
                        r.dispatch().items().forEach(n -> {
                            delivered.add(n.id());
                            deliveredAt.add(r.at());
                        });
                        r.counts().delivered.addAndGet(r.dispatch().items().size());
                    } else {
                        List<UUID> ids = r.dispatch().items().stream().map(Notification::id).toList();
                        int attempts = r.dispatch().items().stream().mapToInt(Notification::attempts).max().orElse(1); // counted at the claim
                        recordIn(r.dispatch(), r.outcome(), r.counts(), ids, attempts, r.at());
                    }
                }
                notifications.markDelivered(delivered, deliveredAt);
            });
        } catch (RuntimeException e) {
            // the lease runs out and the rows are due again: at-least-once
            log.error("could not record the outcome of {} deliveries", batch.size(), e);
        } finally {
            int running = 0;
            for (Recorded r : batch) {
                if (r.started()) {
                    running = inFlight(-1);
                }
            }
            // slots are free: rows left due can go now. Woken once per few freed slots rather than per
            // attempt, so that the cost of a round (claim, look-ups) is shared by several rows.
            NotificationSender webhooks = senders.get(AlertChannel.WEBHOOK);
            if (moreWaiting && (running == 0 || webhooks == null || webhooks.capacity() >= REFILL)) {
                nudge.now();
            }
        }
    }

    private void recordIn(Dispatch dispatch, Outcome outcome, Counts counts, List<UUID> ids, int attempts, Instant at) {
        if (outcome.delivered()) {
            notifications.markDelivered(ids, at, attempts);
            counts.delivered.addAndGet(ids.size());
            return;
        }
        String error = outcome.error() == null ? "not delivered" : outcome.error();
        error = error.length() > 500 ? error.substring(0, 500) : error;
        RetryPolicy.Decision decision = outcome.deadNow() ? new RetryPolicy.Dead(attempts)
                : retries.afterFailure(Math.max(1, attempts), at, ThreadLocalRandom.current());
        if (decision instanceof RetryPolicy.RetryAt retry) {
            Instant next = retry.at();
            if (outcome.retryAfter() != null && next.isBefore(at.plus(outcome.retryAfter()))) {
                next = at.plus(outcome.retryAfter()); // the receiver asked for more time
            }
            notifications.markFailed(ids, NotificationStatus.FAILED, attempts, next, error);
            counts.failed.addAndGet(ids.size());
        } else {
            notifications.markFailed(ids, NotificationStatus.DEAD, attempts, at, error);
            log.warn("{} {} notification(s) dead after {} attempts: {}", ids.size(), dispatch.first().channel(), attempts, error);
            counts.dead.addAndGet(ids.size());
        }
    }

    private int inFlight(int delta) {
        idleLock.lock();
        try {
            inFlight += delta;
            if (inFlight == 0) {
                idle.signalAll();
            }
            return inFlight;
        } finally {
            idleLock.unlock();
        }
    }

    private static final class Counts {
        final AtomicInteger delivered = new AtomicInteger();
        final AtomicInteger failed = new AtomicInteger();
        final AtomicInteger dead = new AtomicInteger();
    }
}

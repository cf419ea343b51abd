package org.vigie.server.alerts;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Delivers notifications of one channel. Implementations are beans; the delivery worker picks the
 * one for each notification's channel. A sender throws to say "not delivered, try again later";
 * it must not retry or sleep itself: back-off is the worker's.
 *
 * <p>The worker hands a sender {@link Dispatch}es: one immediate notification, or a digest (every item
 * of one subscription, recipient and channel gathered over an hour or a day), through
 * {@link #start}. The default runs synchronously on the worker's thread ({@link #send} /
 * {@link #sendDigest}); a channel that talks to slow outside parties (webhooks) overrides
 * {@link #start} to run the attempt elsewhere and report its {@link Outcome} later, so that a slow
 * receiver never holds up the worker.
 */
public interface NotificationSender {

    AlertChannel channel();

    /** @throws DeliveryException (or any runtime exception) when the notification was not delivered */
    void send(Notification notification);

    /**
     * One message for every item of a digest. The default sends them one by one (right for the in-app
     * centre, where each item is an entry); channels that reach people outside override it.
     */
    default void sendDigest(List<Notification> items) {
        items.forEach(this::send);
    }

    /** How many more deliveries this channel could start now; the worker claims no more of its immediate rows than this. */
    default int capacity() {
        return Integer.MAX_VALUE;
    }

    /** Called once per round with everything this channel is about to {@link #start}, to load what they need together. */
    default void prepare(List<Dispatch> round) {
    }

    /**
     * Starts one delivery; {@code done} receives its outcome, on any thread, exactly once.
     *
     * @return false when it could not start now (the receiver is busy): the worker gives the rows back
     *         without counting an attempt, and {@code done} is not called
     */
    default boolean start(Dispatch dispatch, Consumer<Outcome> done) {
        Outcome outcome;
        try {
            if (dispatch.digest()) {
                sendDigest(dispatch.items());
            } else {
                send(dispatch.first());
            }
            outcome = Outcome.DELIVERED;
        } catch (RuntimeException e) {
            outcome = Outcome.failed(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
        }
        done.accept(outcome);
        return true;
    }

    /** What the worker hands a sender: one notification, or the items of one digest (same subscription, recipient, channel). */
    record Dispatch(List<Notification> items, boolean digest) {

        public Dispatch {
            items = List.copyOf(items);
            if (items.isEmpty()) {
                throw new IllegalArgumentException("a dispatch has at least one notification");
            }
        }

        public Notification first() {
            return items.get(0);
        }
    }

    /**
     * What became of one attempt.
     *
     * @param error      why it was not delivered (kept as the rows' last error: never secrets or content)
     * @param retryAfter the receiver asked not to be called again before this (HTTP Retry-After), or null
     * @param deadNow    no further attempt makes sense (410 Gone, target refused, policy now refuses)
     */
    record Outcome(boolean delivered, String error, Duration retryAfter, boolean deadNow) {

        public static final Outcome DELIVERED = new Outcome(true, null, null, false);

        public static Outcome failed(String error) {
            return new Outcome(false, Objects.requireNonNull(error), null, false);
        }
    }

    /** Not delivered; the message is kept as the notification's last error (never secrets or content). */
    class DeliveryException extends RuntimeException {

        public DeliveryException(String message) {
            super(message);
        }

        public DeliveryException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}

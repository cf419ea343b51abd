package org.vigie.server.alerts;

/**
 * Delivers notifications of one channel. Implementations are beans; the delivery worker picks the
 * one for each notification's channel. A sender throws to say "not delivered, try again later";
 * it must not retry or sleep itself: back-off is the worker's.
 */
public interface NotificationSender {

    AlertChannel channel();

    /** @throws DeliveryException (or any runtime exception) when the notification was not delivered */
    void send(Notification notification);

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

package org.vigie.server.alerts;

/**
 * Where a notification stands in the outbox. FAILED is retried at {@code next_attempt_at}; DEAD
 * has used all its attempts and waits for an administrator to replay it.
 */
public enum NotificationStatus {
    PENDING,
    DELIVERED,
    FAILED,
    DEAD
}

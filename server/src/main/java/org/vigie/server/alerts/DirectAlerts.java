package org.vigie.server.alerts;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.vigie.core.sharing.Tlp;

/**
 * Notifications addressed to one person by another feature, not by a subscription (a response
 * protocol's alert): written to the same outbox, in the caller's transaction, delivered by the same
 * worker and channels, shown and acknowledged in the same notification centre. The caller has
 * already applied the visibility policy to the recipient; the centre applies it again when shown.
 */
@Service
public class DirectAlerts {

    private final NotificationRepository notifications;
    private final JdbcClient jdbc;

    DirectAlerts(NotificationRepository notifications, JdbcClient jdbc) {
        this.notifications = notifications;
        this.jdbc = jdbc;
    }

    /**
     * Queues one notification, due now, in the caller's transaction. Idempotent on event + recipient
     * + channel: queuing it again answers the existing row's id.
     *
     * @param payload must carry {@code kind}, {@code link} and, for e-mail, what the e-mail may say;
     *                for TLP:AMBER+STRICT and RED nothing of the subject's content (see AlertOutbox)
     * @return the notification's id
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public UUID queue(UUID event, UUID recipient, AlertChannel channel, String subjectId, Instant subjectModified, Tlp tlp,
                      ObjectNode payload, Instant now) {
        String key = AlertOutbox.idempotencyKey(event, recipient, null, channel);
        UUID id = UUID.randomUUID();
        if (notifications.enqueue(new Notification(id, event, null, recipient, channel, subjectId, subjectModified, tlp, payload, key,
                NotificationStatus.PENDING, 0, now, null, now, null, null, null))) {
            return id;
        }
        return jdbc.sql("SELECT id FROM notifications WHERE idempotency_key = :key").param("key", key).query(UUID.class).single();
    }
}

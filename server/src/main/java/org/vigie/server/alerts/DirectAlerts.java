package org.vigie.server.alerts;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.List;
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

    /**
     * Subjects that are not objects of the knowledge store but text approved for publication (a panel's
     * notice before a public statement, issue 8): "publication:&lt;id&gt;". The notification centre shows
     * them to the person they were addressed to without the store's policy, which knows nothing of them;
     * their content is what the panel approved to publish.
     */
    public static final String PUBLICATION_SUBJECT = "publication:";

    private final NotificationRepository notifications;
    private final RecipientRepository recipients;
    private final JdbcClient jdbc;

    DirectAlerts(NotificationRepository notifications, RecipientRepository recipients, JdbcClient jdbc) {
        this.notifications = notifications;
        this.recipients = recipients;
        this.jdbc = jdbc;
    }

    /** A person an organisation's notices go to, with the address the e-mail channel would use (null if none). */
    public record Person(UUID account, UUID organisation, String email) {
    }

    /**
     * Who receives an organisation's notices in the app: its enabled administrators and analysts, or all
     * its enabled members when it has none (the same people as victim notices, ADR 0008).
     */
    public List<Person> noticeRecipientsOf(UUID organisation) {
        return recipients.noticeRecipientsOf(organisation).stream()
                .filter(r -> organisation.equals(r.organisation()))
                .map(r -> new Person(r.account(), r.organisation(), r.email())).toList();
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

    /**
     * Queues one e-mail to a point of contact (a person who is not an account, V15), due now, in the
     * caller's transaction. The address travels with the row. Idempotent on event + contact.
     *
     * @return the notification's id
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public UUID queueToContact(UUID event, UUID contact, String email, String subjectId, Instant subjectModified, Tlp tlp,
                               ObjectNode payload, Instant now) {
        String key = event + ":" + contact + ":" + AlertChannel.EMAIL.name();
        UUID id = UUID.randomUUID();
        if (notifications.enqueue(new Notification(id, event, null, null, AlertChannel.EMAIL, subjectId, subjectModified, tlp, payload, key,
                NotificationStatus.PENDING, 0, now, null, now, null, null, null, contact, email.strip()))) {
            return id;
        }
        return jdbc.sql("SELECT id FROM notifications WHERE idempotency_key = :key").param("key", key).query(UUID.class).single();
    }
}

package org.vigie.server.alerts;

import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.vigie.core.accounts.Member;
import org.vigie.server.audit.AuditEvent;
import org.vigie.server.audit.AuditTrail;
import org.vigie.server.web.ForbiddenException;
import org.vigie.server.web.NotFoundException;

/**
 * The dead-letter list: notifications whose every attempt failed (or that a receiver refused for
 * good). A platform administrator sees and replays all of them; an organisation's administrator those
 * of the organisation's subscriptions and of its members' own subscriptions. A replay puts the
 * notification back in the queue, due now, with its attempts reset; it is audited, and the worker is
 * woken. The list never shows a payload or a secret: the subscription, the recipient, the channel,
 * the object's id and marking, the attempts and the last error.
 */
@Service
public class DeadLetters {

    static final int LIST_LIMIT = 500;

    private final NotificationRepository notifications;
    private final AuditTrail audit;
    private final TransactionTemplate transactions;
    private final DeliveryNudge nudge;
    private final Clock clock;

    DeadLetters(NotificationRepository notifications, AuditTrail audit, TransactionTemplate transactions, DeliveryNudge nudge,
                Clock clock) {
        this.notifications = notifications;
        this.audit = audit;
        this.transactions = transactions;
        this.nudge = nudge;
        this.clock = clock;
    }

    /** Whether this person may see a dead-letter list at all (for the navigation). */
    public static boolean mayManage(Member member) {
        return member != null && (member.platformAdministrator()
                || member.organisationId() != null && member.administers(member.organisationId()));
    }

    /** The dead notifications in the member's scope, newest first. */
    List<DeadLetter> list(Member member) {
        return notifications.dead(scope(member), LIST_LIMIT);
    }

    /** Replays one dead notification; 404 when it is not dead or not in the member's scope. */
    void replay(Member member, UUID id) {
        UUID scope = scope(member);
        List<UUID> replayed = transactions.execute(tx -> {
            List<UUID> ids = notifications.replay(scope, List.of(id), member.accountId(), clock.instant());
            if (!ids.isEmpty()) {
                audit.record(AuditEvent.of("notification.replayed", "notification", id));
            }
            return ids;
        });
        if (replayed.isEmpty()) {
            throw new NotFoundException("dead notification", id);
        }
        nudge.now();
    }

    /** Replays every dead notification in the member's scope; answers how many. */
    int replayAll(Member member) {
        UUID scope = scope(member);
        List<UUID> replayed = transactions.execute(tx -> {
            List<UUID> ids = notifications.replay(scope, null, member.accountId(), clock.instant());
            if (!ids.isEmpty()) {
                audit.record(AuditEvent.of("notification.replayed-all", "notification", scope == null ? "all" : "organisation:" + scope)
                        .with("count", ids.size()).with("ids", ids.size() <= 100 ? ids.toString() : ids.subList(0, 100) + "…"));
            }
            return ids;
        });
        if (!replayed.isEmpty()) {
            nudge.now();
        }
        return replayed.size();
    }

    /** null: everything (platform administrator); else the organisation the member administers. */
    private static UUID scope(Member member) {
        if (member.platformAdministrator()) {
            return null;
        }
        if (member.organisationId() != null && member.administers(member.organisationId())) {
            return member.organisationId();
        }
        throw new ForbiddenException("Only administrators see and replay undelivered notifications.");
    }
}

package org.vigie.server.alerts;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import org.vigie.core.accounts.Member;
import org.vigie.core.sharing.Tlp;
import org.vigie.server.audit.AuditEvent;
import org.vigie.server.audit.AuditTrail;
import org.vigie.server.knowledge.KnowledgeStore;
import org.vigie.server.sharing.Viewers;
import org.vigie.server.web.NotFoundException;

/**
 * The in-app notification centre: a person's notifications, read through the visibility policy AGAIN
 * at read time (a report whose sharing was narrowed, or whose reader left the community, disappears
 * from the centre), opening and acknowledgement (audited: who knew what, when), and live streams.
 */
@Service
public class Notifications {

    static final int PAGE = 100;

    private final NotificationRepository repository;
    private final NotificationStreams streams;
    private final KnowledgeStore store;
    private final Viewers viewers;
    private final AuditTrail audit;
    private final TransactionTemplate transactions;
    private final Clock clock;

    Notifications(NotificationRepository repository, NotificationStreams streams, KnowledgeStore store, Viewers viewers,
                  AuditTrail audit, TransactionTemplate transactions, Clock clock) {
        this.repository = repository;
        this.streams = streams;
        this.store = store;
        this.viewers = viewers;
        this.audit = audit;
        this.transactions = transactions;
        this.clock = clock;
    }

    /**
     * One entry of the centre. {@code title} is null for TLP:AMBER+STRICT and RED: the centre shows
     * the marking and the link, and reading the report itself is the audited read.
     */
    public record Entry(UUID id, String subjectId, Instant subjectModified, Tlp tlp, String title, String subscriptionName,
                        String link, Instant createdAt, Instant openedAt, Instant acknowledgedAt, String kind, String answer,
                        String targetName) {

        public boolean unread() {
            return openedAt == null;
        }

        /** A victim notice: the reader's organisation is named as the target of the report. */
        public boolean victimNotice() {
            return "victim-notice".equals(kind);
        }

        /** The target's reply to a victim notice, for the reporter. */
        public boolean victimReply() {
            return "victim-reply".equals(kind);
        }
    }

    /** The member's newest in-app notifications about objects they may still see. */
    public List<Entry> inbox(Member member) {
        List<Notification> rows = repository.inbox(member.accountId(), PAGE);
        Set<String> visible = store.visibleIds(viewers.of(member), rows.stream().map(Notification::subjectId)
                .filter(id -> !publication(id)).distinct().toList());
        return rows.stream().filter(n -> publication(n.subjectId()) || visible.contains(n.subjectId())).map(Notifications::entry).toList();
    }

    /**
     * The bell's count: unread notifications about objects the member may still see, so that the count
     * never reveals that something they can no longer read was reported.
     */
    public int unread(Member member) {
        Map<String, Integer> bySubject = repository.unreadBySubject(member.accountId());
        if (bySubject.isEmpty()) {
            return 0;
        }
        int publications = bySubject.entrySet().stream().filter(e -> publication(e.getKey())).mapToInt(Map.Entry::getValue).sum();
        return publications + store.visibleIds(viewers.of(member), bySubject.keySet().stream().filter(id -> !publication(id)).toList())
                .stream().mapToInt(id -> bySubject.getOrDefault(id, 0)).sum();
    }

    /**
     * A notice about text approved for publication (DirectAlerts.PUBLICATION_SUBJECT): addressed to this
     * person on purpose and carrying nothing the store's policy governs, so it is shown as addressed.
     */
    private static boolean publication(String subjectId) {
        return subjectId != null && subjectId.startsWith(DirectAlerts.PUBLICATION_SUBJECT);
    }

    /** Marks the member's own notification opened (once); 404 for anyone else's. */
    public void markRead(Member member, UUID id) {
        if (!repository.markRead(id, member.accountId(), clock.instant(), false)) {
            throw new NotFoundException("notification", id);
        }
    }

    /**
     * Records that the member opened their own notification — whatever its channel: the link in an
     * alert e-mail leads here — and answers where it points (a path inside Vigie). 404 for anyone else's.
     */
    public String open(Member member, UUID id) {
        markRead(member, id);
        String link = repository.get(id).payload().path("link").asText("");
        // only a path inside Vigie: a stored payload must never turn this into an open redirect
        return link.startsWith("/") && !link.startsWith("//") && !link.contains("\\") ? link : "/notifications";
    }

    /** Acknowledges the member's own notification (once, and opens it); audited. 404 for anyone else's. */
    public void acknowledge(Member member, UUID id) {
        transactions.executeWithoutResult(tx -> {
            if (!repository.markRead(id, member.accountId(), clock.instant(), true)) {
                throw new NotFoundException("notification", id);
            }
            Notification n = repository.get(id);
            audit.record(AuditEvent.of("notification.acknowledged", "notification", id).with("subject", n.subjectId())
                    .with("event", n.eventId().toString()).with("at", n.acknowledgedAt().toString()));
        });
    }

    /**
     * The target organisation answered a victim notice: every notification of that notice (its
     * members' entries, its points of contact's e-mails) is acknowledged, in the caller's transaction,
     * and each acknowledgement audited. Answers how many were acknowledged now.
     */
    public int acknowledgeVictimNotice(Member member, String reportId, UUID organisation) {
        List<UUID> acknowledged = repository.acknowledgeVictimNotice(reportId, organisation, clock.instant());
        for (UUID id : acknowledged) {
            audit.record(AuditEvent.of("notification.acknowledged", "notification", id).with("subject", reportId)
                    .with("by", member.accountId().toString()).with("via", "victim-reply"));
        }
        return acknowledged.size();
    }

    /** A live stream of the member's new in-app notifications (Server-Sent Events). */
    public SseEmitter stream(Member member) {
        return streams.open(member.accountId());
    }

    private static Entry entry(Notification n) {
        boolean restricted = AlertOutbox.restricted(n.tlp());
        return new Entry(n.id(), n.subjectId(), n.subjectModified(), n.tlp(), restricted ? null : n.payload().path("title").asText(null),
                n.payload().path("subscriptionName").asText(null), n.payload().path("link").asText("/reports/" + n.subjectId()),
                n.createdAt(), n.openedAt(), n.acknowledgedAt(), n.kind(), n.payload().path("answer").asText(null),
                n.payload().path("targetName").asText(null));
    }
}

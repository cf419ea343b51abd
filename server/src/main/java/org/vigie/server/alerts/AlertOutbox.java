package org.vigie.server.alerts;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.vigie.core.alerts.AlertMatch;
import org.vigie.core.alerts.AlertMatcher;
import org.vigie.core.alerts.ReportFacts;
import org.vigie.core.alerts.WatchItem;
import org.vigie.core.sharing.Sharing;
import org.vigie.core.sharing.Tlp;
import org.vigie.core.sharing.Viewer;
import org.vigie.core.sharing.VisibilityPolicy;
import org.vigie.server.sharing.Communities;

/**
 * The "notify" step of the report flow (input → validate → policy → store → correlate → notify):
 * called by the reports module in the transaction that stored a report version, it writes one outbox
 * row per recipient and channel. Because the rows are written in that transaction, a report and its
 * notifications commit or roll back together; the delivery worker reads committed rows only.
 *
 * <p>A recipient is a person: the owner of a personal subscription, or every enabled member of an
 * organisation that subscribed. A notification is queued only if the subscription's filter matches
 * AND the visibility policy lets that person see the report version as stored — a filter never
 * widens what someone may read. A webhook is one endpoint per subscription; it is checked against
 * the person who created the subscription.
 */
@Service
public class AlertOutbox {

    private final SubscriptionRepository subscriptions;
    private final NotificationRepository notifications;
    private final RecipientRepository recipients;
    private final Communities communities;
    private final ObjectMapper json;
    private final DeliveryNudge nudge;
    private final Clock clock;

    AlertOutbox(SubscriptionRepository subscriptions, NotificationRepository notifications, RecipientRepository recipients,
                Communities communities, ObjectMapper json, DeliveryNudge nudge, Clock clock) {
        this.subscriptions = subscriptions;
        this.notifications = notifications;
        this.recipients = recipients;
        this.communities = communities;
        this.json = json;
        this.nudge = nudge;
        this.clock = clock;
    }

    /**
     * Queues the notifications for a report version just stored. Must run inside the transaction that
     * stored it (it joins it; it refuses to run without one). Idempotent: the same version queued
     * twice queues nothing more.
     *
     * @param report   the report's facts; its communities are ignored and read from the stored sharing
     * @param modified the version stored
     * @return how many notifications were queued
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public int reportStored(ReportFacts report, Instant modified) {
        return queue(List.of(new StoredReport(report, modified)), subscriptions.active());
    }

    /** A report version just stored, for {@link #reportsStored}. */
    public record StoredReport(ReportFacts report, Instant modified) {
    }

    /**
     * {@link #reportStored} for many report versions stored in one transaction (an import batch):
     * the subscriptions are read once.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public int reportsStored(List<StoredReport> stored) {
        return stored.isEmpty() ? 0 : queue(stored, subscriptions.active());
    }

    private int queue(List<StoredReport> stored, List<Subscription> active) {
        int queued = 0;
        People people = new People();
        for (StoredReport one : stored) {
            queued += queue(one.report(), one.modified(), active, people);
        }
        if (queued > 0) {
            // immediate rows are due now: wake the worker once they are visible, not at its next poll
            nudge.afterCommit();
        }
        return queued;
    }

    /**
     * The people behind the subscriptions and what they may see, looked up once per queuing (many
     * subscriptions share a creator or an organisation: 1,000 webhooks of one team cost one lookup).
     */
    private final class People {
        private final Map<UUID, Optional<RecipientRepository.Recipient>> accounts = new HashMap<>();
        private final Map<UUID, List<RecipientRepository.Recipient>> members = new HashMap<>();
        private final Map<UUID, Viewer> viewers = new HashMap<>();

        Optional<RecipientRepository.Recipient> account(UUID id) {
            return accounts.computeIfAbsent(id, recipients::account);
        }

        List<RecipientRepository.Recipient> of(Subscription subscription) {
            if (subscription.ownerAccount() != null) {
                return account(subscription.ownerAccount()).map(List::of).orElse(List.of());
            }
            return members.computeIfAbsent(subscription.ownerOrganisation(), recipients::membersOf);
        }

        Viewer viewer(RecipientRepository.Recipient person) {
            return viewers.computeIfAbsent(person.account(), a -> AlertOutbox.this.viewer(person));
        }
    }

    private int queue(ReportFacts report, Instant modified, List<Subscription> active, People people) {
        if (active.isEmpty()) {
            return 0;
        }
        Optional<Sharing> stored = recipients.storedSharing(report.reportId());
        if (stored.isEmpty()) {
            return 0; // refused by the store: nothing to tell anyone
        }
        Sharing sharing = stored.get();
        ReportFacts facts = new ReportFacts(report.reportId(), report.electionId(), report.phase(), report.types(),
                report.targetCategories(), report.targetOrganisations(), report.disarmTechniques(), report.confidence(),
                sharing.distribution().communities(), report.observables(), report.title(), report.summary());
        UUID event = eventId(report.reportId(), modified);
        Instant now = clock.instant();
        int queued = 0;
        for (Subscription subscription : active) {
            AlertMatch match = AlertMatcher.match(subscription.filter(), facts);
            if (!match.matches()) {
                continue;
            }
            for (RecipientRepository.Recipient person : people.of(subscription)) {
                if (!VisibilityPolicy.maySee(people.viewer(person), sharing)) {
                    continue;
                }
                for (AlertChannel channel : subscription.channels()) {
                    if (channel == AlertChannel.WEBHOOK
                            || (channel == AlertChannel.EMAIL && (person.email() == null || person.email().isBlank()))) {
                        continue;
                    }
                    queued += enqueue(event, subscription, person.account(), channel, facts, modified, sharing.tlp(), match, now) ? 1 : 0;
                }
            }
            if (subscription.channels().contains(AlertChannel.WEBHOOK)) {
                Optional<RecipientRepository.Recipient> creator = people.account(subscription.createdBy());
                if (creator.isPresent() && VisibilityPolicy.maySee(people.viewer(creator.get()), sharing)) {
                    queued += enqueue(event, subscription, creator.get().account(), AlertChannel.WEBHOOK, facts, modified, sharing.tlp(),
                            match, now) ? 1 : 0;
                }
            }
        }
        return queued;
    }

    /** The same report version always makes the same event id: receivers de-duplicate on it. */
    public static UUID eventId(String reportId, Instant modified) {
        return UUID.nameUUIDFromBytes(("report-stored:" + reportId + "@" + modified.truncatedTo(ChronoUnit.MICROS))
                .getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Event + recipient + channel; for a webhook the recipient is the endpoint, i.e. the subscription,
     * so that two webhooks of the same person both receive the event.
     */
    static String idempotencyKey(UUID event, UUID recipient, UUID subscription, AlertChannel channel) {
        return event + ":" + (channel == AlertChannel.WEBHOOK ? subscription : recipient) + ":" + channel.name();
    }

    private Viewer viewer(RecipientRepository.Recipient person) {
        return new Viewer(person.account(), person.organisation(), communities.activeCommunitiesOf(person.organisation()));
    }

    private boolean enqueue(UUID event, Subscription subscription, UUID recipient, AlertChannel channel, ReportFacts facts,
                            Instant modified, Tlp tlp, AlertMatch match, Instant now) {
        return notifications.enqueue(new Notification(UUID.randomUUID(), event, subscription.id(), recipient, channel,
                facts.reportId(), modified, tlp, payload(event, subscription, channel, facts, modified, tlp, match),
                idempotencyKey(event, recipient, subscription.id(), channel), NotificationStatus.PENDING, 0,
                firstAttempt(subscription.mode(), now), null, now, null, null, null), subscription.mode() != DeliveryMode.IMMEDIATE);
    }

    /**
     * What the notification carries. Content leaves the platform only by e-mail and webhook: for
     * TLP:AMBER+STRICT and RED those carry the link and the marking only, never the title or the
     * watch-list hits. The in-app centre is read through the policy again when shown.
     */
    private ObjectNode payload(UUID event, Subscription subscription, AlertChannel channel, ReportFacts facts, Instant modified,
                               Tlp tlp, AlertMatch match) {
        ObjectNode payload = json.createObjectNode();
        payload.put("event", event.toString());
        payload.put("kind", "report");
        payload.put("subject", facts.reportId());
        payload.put("modified", modified.toString());
        payload.put("tlp", tlp.name());
        payload.put("link", "/reports/" + facts.reportId());
        payload.put("subscription", subscription.id().toString());
        if (channel == AlertChannel.IN_APP || !restricted(tlp)) {
            payload.put("title", facts.title());
            payload.put("subscriptionName", subscription.name());
            var hits = payload.putArray("watchHits");
            for (WatchItem hit : match.watchHits()) {
                hits.addObject().put("type", hit.kind()).put("value", hit.value());
            }
        }
        if (channel == AlertChannel.WEBHOOK && !restricted(tlp)) {
            // what the webhook body may draw on (WebhookPayloads decides again at send time, under the
            // marking then stored and for the subscription's creator as they are then)
            payload.put("summary", facts.summary());
            var types = payload.putArray("incidentTypes");
            facts.types().stream().map(Enum::name).sorted().forEach(types::add);
            var observables = payload.putArray("observables");
            facts.observables().stream().map(o -> o.raw()).distinct().sorted().forEach(observables::add);
        }
        return payload;
    }

    /** TLP levels whose content never goes into an e-mail body or a webhook payload. */
    public static boolean restricted(Tlp tlp) {
        return tlp == Tlp.AMBER_STRICT || tlp == Tlp.RED;
    }

    /**
     * Immediate notifications are due now. Digest notifications wait for the end of their period
     * (next full hour, next midnight UTC), when the worker delivers what has gathered.
     */
    static Instant firstAttempt(DeliveryMode mode, Instant now) {
        return switch (mode) {
            case IMMEDIATE -> now;
            case HOURLY -> now.truncatedTo(ChronoUnit.HOURS).plus(1, ChronoUnit.HOURS);
            case DAILY -> now.truncatedTo(ChronoUnit.DAYS).plus(1, ChronoUnit.DAYS);
        };
    }

    // ---- victim notices (issue 6, item 4) ------------------------------------------------------

    /** A point of contact to e-mail: a person who is not an account, so the address travels with the row. */
    public record ContactAddress(UUID contact, String email) {
    }

    /**
     * A report naming an organisation on Vigie as its target, to tell that organisation.
     *
     * @param outcome   the report's outcome key (attempted, successful, unknown)
     * @param contacts  the target's points of contact for the report's topic (and its 24/7 duty desk)
     */
    public record VictimNotice(String reportId, Instant modified, UUID targetOrganisation, String targetName, String title,
                               String outcome, List<ContactAddress> contacts) {
    }

    /** The accounts that receive an organisation's victim notices in the app (its administrators and analysts). */
    public List<UUID> victimNoticeRecipients(UUID organisation) {
        return recipients.noticeRecipientsOf(organisation).stream().map(RecipientRepository.Recipient::account).toList();
    }

    /**
     * The event of a victim notice: one per report and target, whatever the version, so that the
     * notice is sent once however often the report is edited (the idempotency keys derive from it).
     */
    public static UUID victimNoticeEvent(String reportId, UUID organisation) {
        return UUID.nameUUIDFromBytes(("victim-notice:" + reportId + ":" + organisation).getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Queues a victim notice: in-app to the target's administrators and analysts, by e-mail to its
     * points of contact. Must run in the transaction that stored the report version sharing it with
     * the target. The policy is applied to the stored sharing as for any notification: an account
     * that may not see the report receives nothing, and the points of contact are e-mailed only when
     * their organisation may see it (for TLP:RED, when one of its notice recipients is named).
     * Idempotent per report and target.
     *
     * @return how many notifications were queued
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public int victimNotice(VictimNotice notice) {
        Optional<Sharing> stored = recipients.storedSharing(notice.reportId());
        if (stored.isEmpty()) {
            return 0;
        }
        Sharing sharing = stored.get();
        UUID event = victimNoticeEvent(notice.reportId(), notice.targetOrganisation());
        Instant now = clock.instant();
        int queued = 0;
        boolean anyMemberMaySee = false;
        for (RecipientRepository.Recipient person : recipients.noticeRecipientsOf(notice.targetOrganisation())) {
            // a notice goes to the target organisation's people only, never to anyone else
            if (!notice.targetOrganisation().equals(person.organisation()) || !VisibilityPolicy.maySee(viewer(person), sharing)) {
                continue;
            }
            anyMemberMaySee = true;
            queued += notifications.enqueue(victimRow(event, person.account(), null, null, AlertChannel.IN_APP, notice, sharing.tlp(), now))
                    ? 1 : 0;
        }
        boolean organisationMaySee = sharing.tlp() == Tlp.RED ? anyMemberMaySee
                : VisibilityPolicy.maySee(new Viewer(new UUID(0, 0), notice.targetOrganisation(),
                        communities.activeCommunitiesOf(notice.targetOrganisation())), sharing);
        if (organisationMaySee) {
            for (ContactAddress contact : notice.contacts()) {
                if (contact.email() != null && !contact.email().isBlank()) {
                    queued += notifications.enqueue(victimRow(event, null, contact.contact(), contact.email().strip(), AlertChannel.EMAIL,
                            notice, sharing.tlp(), now)) ? 1 : 0;
                }
            }
        }
        return queued;
    }

    private Notification victimRow(UUID event, UUID account, UUID contact, String email, AlertChannel channel, VictimNotice notice,
                                   Tlp tlp, Instant now) {
        ObjectNode payload = json.createObjectNode();
        payload.put("event", event.toString());
        payload.put("kind", "victim-notice");
        payload.put("subject", notice.reportId());
        payload.put("modified", notice.modified().toString());
        payload.put("tlp", tlp.name());
        payload.put("link", "/reports/" + notice.reportId());
        payload.put("targetOrganisation", notice.targetOrganisation().toString());
        payload.put("outcome", notice.outcome());
        if (channel == AlertChannel.IN_APP || !restricted(tlp)) {
            payload.put("title", notice.title());
            payload.put("targetName", notice.targetName());
        }
        UUID recipient = account != null ? account : contact;
        return new Notification(UUID.randomUUID(), event, null, account, channel, notice.reportId(), notice.modified(), tlp, payload,
                event + ":" + recipient + ":" + channel.name(), NotificationStatus.PENDING, 0, now, null, now, null, null, null,
                contact, email);
    }

    /**
     * Tells the reporter, in the app, that the target answered a victim notice. Queued only if the
     * reporter may see the report (they filed it, so normally they may).
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean victimReplied(String reportId, Instant modified, UUID reporter, UUID reply, String answer, String organisationName,
                                 String title) {
        Optional<Sharing> stored = recipients.storedSharing(reportId);
        Optional<RecipientRepository.Recipient> person = recipients.account(reporter);
        if (stored.isEmpty() || person.isEmpty() || !VisibilityPolicy.maySee(viewer(person.get()), stored.get())) {
            return false;
        }
        UUID event = UUID.nameUUIDFromBytes(("victim-reply:" + reply).getBytes(StandardCharsets.UTF_8));
        Instant now = clock.instant();
        ObjectNode payload = json.createObjectNode();
        payload.put("event", event.toString());
        payload.put("kind", "victim-reply");
        payload.put("subject", reportId);
        payload.put("modified", modified.toString());
        payload.put("tlp", stored.get().tlp().name());
        payload.put("link", "/reports/" + reportId + "#victim-replies");
        payload.put("answer", answer);
        payload.put("targetName", organisationName);
        payload.put("title", title);
        return notifications.enqueue(new Notification(UUID.randomUUID(), event, null, reporter, AlertChannel.IN_APP, reportId, modified,
                stored.get().tlp(), payload, event + ":" + reporter + ":IN_APP", NotificationStatus.PENDING, 0, now, null, now, null, null,
                null));
    }

    /** For tests and the notification centre: the outbox rows about one object. */
    List<Notification> about(String subjectId) {
        return new ArrayList<>(notifications.forSubject(subjectId));
    }
}

package org.vigie.server.statements;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.vigie.core.panel.Outcome;
import org.vigie.core.sharing.Tlp;
import org.vigie.server.alerts.AlertChannel;
import org.vigie.server.alerts.AlertProperties;
import org.vigie.server.alerts.DirectAlerts;
import org.vigie.server.audit.AuditEvent;
import org.vigie.server.audit.AuditTrail;
import org.vigie.server.organisations.PointOfContact;
import org.vigie.server.organisations.PointsOfContact;

/**
 * The steps after approval, run by the publication job ({@link PublicationSchedule}) or by hand in
 * tests: a lead time before the scheduled moment, the notices; at the scheduled moment (and never
 * before the lead time after the notices), the publication.
 *
 * <p><b>The notices</b> go in one transaction, one batch id, one {@code sent_at}: private TARGET
 * notices to each organisation the referred reports name as a target, and PRE_ANNOUNCEMENT notices to
 * every registered political party and election management body — in the app to each one's
 * administrators and analysts (all its members if it has none), by e-mail to them and to each of its
 * points of contact. Every pre-announcement carries the same subject line and body, byte for byte
 * (the approved text in French and English, and the publication time): no party reads a different or
 * an earlier version than another. They go through the alerts outbox (ADR 0010), so they are
 * delivered at least once and show who opened and acknowledged them. The marking is TLP:AMBER — under
 * embargo until publication, shareable inside the recipient's organisation — and the content is only
 * what the panel approved for publication, so a party contact reads nothing restricted.
 *
 * <p><b>The publication</b> needs the notices first (also a CHECK in V19) and a decision to inform the
 * public that still stands: if the panel corrected its decision to no announcement, the statement is
 * withdrawn instead, and said so in the audit log.
 */
@Service
public class Publication {

    private static final Logger LOG = LoggerFactory.getLogger(Publication.class);
    static final DateTimeFormatter UTC_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT).withZone(ZoneOffset.UTC);

    private final StatementRepository repository;
    private final PanelRecords panels;
    private final DirectAlerts alerts;
    private final PointsOfContact contacts;
    private final Statements statements;
    private final AuditTrail audit;
    private final MessageSource messages;
    private final ObjectMapper json;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final String publicUrl;

    Publication(StatementRepository repository, PanelRecords panels, DirectAlerts alerts, PointsOfContact contacts,
                Statements statements, AuditTrail audit, MessageSource messages, ObjectMapper json, TransactionTemplate transactions,
                Clock clock, AlertProperties alertProperties) {
        this.repository = repository;
        this.panels = panels;
        this.alerts = alerts;
        this.contacts = contacts;
        this.statements = statements;
        this.audit = audit;
        this.messages = messages;
        this.json = json;
        this.transactions = transactions;
        this.clock = clock;
        this.publicUrl = alertProperties.publicUrl();
    }

    /** What one run did. */
    public record Run(List<UUID> noticesSent, List<UUID> published, List<UUID> withdrawn) {
    }

    /**
     * One pass of the job: sends the notices of approved statements whose notice time came, publishes
     * those whose time came and whose notices went at least the lead time ago. Each statement in its
     * own transaction: one failing does not hold back the others.
     */
    public Run runDue() {
        Instant now = clock.instant();
        List<UUID> sent = new ArrayList<>();
        List<UUID> published = new ArrayList<>();
        List<UUID> withdrawn = new ArrayList<>();
        for (UUID id : repository.due(now.plus(statements.leadTime()), now)) {
            try {
                Step step = transactions.execute(tx -> step(id));
                switch (step == null ? Step.NOTHING : step) {
                    case NOTICES_SENT -> sent.add(id);
                    case PUBLISHED -> published.add(id);
                    case WITHDRAWN -> withdrawn.add(id);
                    case NOTHING -> {
                    }
                }
            } catch (RuntimeException e) {
                LOG.error("statement {}: the publication step failed; it is tried again at the next run", id, e);
            }
        }
        return new Run(sent, published, withdrawn);
    }

    enum Step { NOTICES_SENT, PUBLISHED, WITHDRAWN, NOTHING }

    private Step step(UUID id) {
        Statement statement = repository.lock(id).orElseThrow();
        Instant now = clock.instant();
        if (statement.scheduledFor() == null) {
            return Step.NOTHING;
        }
        if (statement.status() == StatementStatus.APPROVED || statement.status() == StatementStatus.NOTICES_SENT) {
            Optional<String> blocked = decisionNoLongerStands(statement);
            if (blocked.isPresent()) {
                withdraw(statement, blocked.get(), now);
                return Step.WITHDRAWN;
            }
        }
        if (statement.status() == StatementStatus.APPROVED && !now.isBefore(statement.scheduledFor().minus(statements.leadTime()))) {
            sendNotices(statement, now);
            return Step.NOTICES_SENT;
        }
        if (statement.status() == StatementStatus.NOTICES_SENT && !now.isBefore(statement.scheduledFor())
                && !now.isBefore(statement.noticesSentAt().plus(statements.leadTime()))) {
            repository.markPublished(id, now);
            audit.record(AuditEvent.of("statement.published", Statements.TARGET, id).with("slug", statement.slug())
                    .with("version", statement.approvedVersion()).with("scheduledFor", statement.scheduledFor().toString())
                    .with("noticesSentAt", statement.noticesSentAt().toString()));
            return Step.PUBLISHED;
        }
        return Step.NOTHING;
    }

    private Optional<String> decisionNoLongerStands(Statement statement) {
        Optional<PanelRecords.Decision> standing = panels.latestDecision(statement.referralId());
        if (standing.isEmpty() || standing.get().outcome() != Outcome.PUBLIC_ANNOUNCEMENT) {
            return Optional.of("the decision that stands for referral " + statement.referralId() + " is "
                    + standing.map(d -> d.outcome() + " (" + d.id() + ")").orElse("missing") + ", not a public announcement");
        }
        return Optional.empty();
    }

    /**
     * The decision to inform the public no longer stands: the statement is never published. If the
     * notices went already, everyone they went to is told, the same way and at one instant, that the
     * statement announced will not be published — so that no party acts on an announcement that is
     * not coming, or keeps an embargo on nothing.
     */
    private void withdraw(Statement statement, String reason, Instant now) {
        repository.withdraw(statement.id(), now);
        int told = 0;
        if (statement.status() == StatementStatus.NOTICES_SENT) {
            StatementVersion approved = repository.version(statement.id(), statement.approvedVersion()).orElseThrow();
            PanelRecords.Decision decision = panels.decision(statement.decisionId()).orElseThrow();
            UUID event = UUID.nameUUIDFromBytes(("panel-notice:" + statement.id() + ":WITHDRAWN").getBytes(StandardCharsets.UTF_8));
            String subject = DirectAlerts.PUBLICATION_SUBJECT + statement.id();
            Content content = withdrawal(statement, approved, decision.panelName());
            for (StatementRepository.Recipient r : repository.noticeRecipients(statement.id())) {
                ObjectNode payload = payload(event, null, statement, content, AlertChannel.valueOf(r.channel()));
                if (r.account() != null) {
                    alerts.queue(event, r.account(), AlertChannel.valueOf(r.channel()), subject, approved.editedAt(), Tlp.AMBER, payload, now);
                } else {
                    alerts.queueToContact(event, r.contact(), r.email(), subject, approved.editedAt(), Tlp.AMBER, payload, now);
                }
                told++;
            }
        }
        audit.record(AuditEvent.of("statement.withdrawn", Statements.TARGET, statement.id()).with("reason", reason)
                .with("previousStatus", statement.status().name()).with("withdrawalNotices", told));
    }

    private Content withdrawal(Statement statement, StatementVersion approved, String panelName) {
        String when = UTC_TIME.format(statement.scheduledFor());
        String title = approved.en().title() + " / " + approved.fr().title();
        String body = text("statements.notice.withdrawn", Locale.ENGLISH, panelName, when, approved.en().title()) + "\n\n----\n\n"
                + text("statements.notice.withdrawn", Locale.FRENCH, panelName, when, approved.fr().title());
        String subjectLine = text("statements.notice.subject.WITHDRAWN", Locale.ENGLISH) + " / "
                + text("statements.notice.subject.WITHDRAWN", Locale.FRENCH) + ": " + title;
        return new Content(title, subjectLine, body);
    }

    // ---- the notices ------------------------------------------------------------------------------

    /** What the batch reached: per kind, the organisations told and those with nobody to tell. */
    record Batch(UUID id, Instant sentAt, Map<NoticeKind, Set<UUID>> reached, Map<NoticeKind, Set<UUID>> unreachable, int notifications) {
    }

    Batch sendNotices(Statement statement, Instant now) {
        StatementVersion approved = repository.version(statement.id(), statement.approvedVersion()).orElseThrow();
        PanelRecords.Decision decision = panels.decision(statement.decisionId()).orElseThrow();
        UUID batch = UUID.randomUUID();
        Map<NoticeKind, Set<UUID>> recipients = new LinkedHashMap<>();
        recipients.put(NoticeKind.TARGET, panels.targets(statement.referralId()));
        Set<UUID> announced = new LinkedHashSet<>(panels.organisationsOfSector("POLITICAL_PARTY", decision.panelElectionId()));
        announced.addAll(panels.organisationsOfSector("ELECTION_MANAGEMENT_BODY", decision.panelElectionId()));
        recipients.put(NoticeKind.PRE_ANNOUNCEMENT, announced);
        Map<NoticeKind, Set<UUID>> reached = new LinkedHashMap<>();
        Map<NoticeKind, Set<UUID>> unreachable = new LinkedHashMap<>();
        int count = 0;
        for (Map.Entry<NoticeKind, Set<UUID>> entry : recipients.entrySet()) {
            NoticeKind kind = entry.getKey();
            UUID event = UUID.nameUUIDFromBytes(("panel-notice:" + statement.id() + ":" + kind).getBytes(StandardCharsets.UTF_8));
            Content content = content(kind, statement, approved, decision.panelName());
            reached.put(kind, new LinkedHashSet<>());
            unreachable.put(kind, new LinkedHashSet<>());
            for (UUID organisation : entry.getValue()) {
                int sent = notify(statement, approved, kind, event, content, organisation, batch, now);
                count += sent;
                (sent > 0 ? reached : unreachable).get(kind).add(organisation);
            }
        }
        repository.markNoticesSent(statement.id(), now);
        audit.record(AuditEvent.of("statement.notices-sent", Statements.TARGET, statement.id()).with("batch", batch.toString())
                .with("sentAt", now.toString()).with("version", statement.approvedVersion()).with("notifications", count)
                .with("targets", ids(reached.get(NoticeKind.TARGET))).with("preAnnounced", ids(reached.get(NoticeKind.PRE_ANNOUNCEMENT)))
                .with("unreachable", ids(union(unreachable.values()))).with("scheduledFor", statement.scheduledFor().toString()));
        return new Batch(batch, now, reached, unreachable, count);
    }

    private static Set<UUID> union(java.util.Collection<Set<UUID>> sets) {
        Set<UUID> all = new LinkedHashSet<>();
        sets.forEach(all::addAll);
        return all;
    }

    private static List<String> ids(Set<UUID> ids) {
        return ids.stream().map(UUID::toString).toList();
    }

    /** One organisation's notifications and notice rows; answers how many were queued. */
    private int notify(Statement statement, StatementVersion approved, NoticeKind kind, UUID event, Content content, UUID organisation,
                       UUID batch, Instant now) {
        String subject = DirectAlerts.PUBLICATION_SUBJECT + statement.id();
        int count = 0;
        for (DirectAlerts.Person person : alerts.noticeRecipientsOf(organisation)) {
            UUID inApp = alerts.queue(event, person.account(), AlertChannel.IN_APP, subject, approved.editedAt(), Tlp.AMBER,
                    payload(event, kind, statement, content, AlertChannel.IN_APP), now);
            repository.insertNotice(UUID.randomUUID(), statement.id(), batch, kind, organisation, inApp, now);
            count++;
            if (person.email() != null && !person.email().isBlank()) {
                UUID mail = alerts.queue(event, person.account(), AlertChannel.EMAIL, subject, approved.editedAt(), Tlp.AMBER,
                        payload(event, kind, statement, content, AlertChannel.EMAIL), now);
                repository.insertNotice(UUID.randomUUID(), statement.id(), batch, kind, organisation, mail, now);
                count++;
            }
        }
        for (PointOfContact contact : contacts.of(organisation)) {
            if (contact.email() == null || contact.email().isBlank()) {
                continue;
            }
            UUID mail = alerts.queueToContact(event, contact.id(), contact.email(), subject, approved.editedAt(), Tlp.AMBER,
                    payload(event, kind, statement, content, AlertChannel.EMAIL), now);
            repository.insertNotice(UUID.randomUUID(), statement.id(), batch, kind, organisation, mail, now);
            count++;
        }
        return count;
    }

    /** The text of a notice: the same for every recipient of one kind. */
    record Content(String title, String subjectLine, String body) {
    }

    private ObjectNode payload(UUID event, NoticeKind kind, Statement statement, Content content, AlertChannel channel) {
        ObjectNode payload = json.createObjectNode();
        payload.put("event", event.toString());
        payload.put("kind", "panel-notice");
        payload.put("noticeKind", kind == null ? "WITHDRAWN" : kind.name());
        payload.put("statement", statement.id().toString());
        payload.put("link", "/statements/" + statement.id() + "/notice");
        payload.put("title", content.subjectLine());
        payload.put("subjectLine", content.subjectLine());
        payload.put("body", content.body());
        payload.put("scheduledFor", statement.scheduledFor().toString());
        return payload;
    }

    /**
     * The notice's words, English then French (a point of contact has no language preference): who
     * tells, that it is under embargo until the publication time, for a target that it is told
     * privately first, then the statement as approved, section by section, and its future address.
     */
    Content content(NoticeKind kind, Statement statement, StatementVersion approved, String panelName) {
        String when = UTC_TIME.format(statement.scheduledFor());
        String title = approved.en().title() + " / " + approved.fr().title();
        StringBuilder body = new StringBuilder();
        for (Locale locale : new Locale[] {Locale.ENGLISH, Locale.FRENCH}) {
            StatementText text = locale == Locale.ENGLISH ? approved.en() : approved.fr();
            body.append(text("statements.notice.intro." + kind.name(), locale, panelName, when)).append("\n\n");
            body.append(text.title()).append("\n\n");
            for (Section section : Section.values()) {
                if (section == Section.TITLE) {
                    continue;
                }
                body.append(text("statements.section." + section.key(), locale)).append("\n").append(text.get(section)).append("\n\n");
            }
            body.append(text("statements.notice.address", locale, publicUrl + "/public/statements/" + statement.slug())).append("\n\n");
            body.append("----\n\n");
        }
        String subjectLine = text("statements.notice.subject." + kind.name(), Locale.ENGLISH) + " / "
                + text("statements.notice.subject." + kind.name(), Locale.FRENCH) + ": " + title;
        return new Content(title, subjectLine, body.toString().strip());
    }

    private String text(String key, Locale locale, Object... arguments) {
        return messages.getMessage(key, arguments, key, locale);
    }
}

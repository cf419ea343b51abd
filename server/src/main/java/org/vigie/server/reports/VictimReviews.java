package org.vigie.server.reports;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.vigie.core.accounts.Member;
import org.vigie.core.accounts.Permission;
import org.vigie.core.accounts.Permissions;
import org.vigie.server.alerts.AlertOutbox;
import org.vigie.server.alerts.Notifications;
import org.vigie.server.audit.AuditEvent;
import org.vigie.server.audit.AuditTrail;
import org.vigie.server.knowledge.KnowledgeStore;
import org.vigie.server.knowledge.StoredObject;
import org.vigie.server.organisations.Organisation;
import org.vigie.server.organisations.Organisations;
import org.vigie.server.sharing.Viewers;
import org.vigie.server.web.ConflictException;
import org.vigie.server.web.ForbiddenException;
import org.vigie.server.web.InvalidFieldException;
import org.vigie.server.web.NotFoundException;

/**
 * What happens after a victim-notice decision (ADR 0008): the review of withheld notices by platform
 * administrators and the administrators of the reporting organisation (confirm, or overturn — then
 * the report is shared with the target and the notice sent), and the target's reply to a notice
 * ("we were already aware", "thank you", "we need help"), which acknowledges the notice and tells
 * the reporter. Every step is audited.
 */
@Service
public class VictimReviews {

    static final int MESSAGE_MAX = 4000;
    static final int LIST_MAX = 500;

    /** The target's answer to a notice. */
    public enum Answer {
        ALREADY_AWARE, THANK_YOU, NEED_HELP;

        static Answer parse(String text) {
            if (text != null) {
                String name = text.strip().toUpperCase(Locale.ROOT).replace('-', '_');
                for (Answer a : values()) {
                    if (a.name().equals(name)) {
                        return a;
                    }
                }
            }
            throw new InvalidFieldException("answer", "victims.answer.invalid",
                    "answer must be one of already_aware, thank_you, need_help (got " + text + ").");
        }
    }

    /** A reviewer's decision about a withheld notice. */
    public enum Review {
        CONFIRM, OVERTURN;

        static Review parse(String text) {
            if (text != null) {
                String name = text.strip().toUpperCase(Locale.ROOT);
                for (Review r : values()) {
                    if (r.name().equals(name)) {
                        return r;
                    }
                }
            }
            throw new InvalidFieldException("decision", "victims.review.invalid", "decision must be confirm or overturn (got " + text + ").");
        }
    }

    /** One decision as shown: the reason only to the reporting organisation (and reviewers on their list). */
    public record ShownDecision(UUID organisationId, String organisationName, String status, String reason, Instant decidedAt,
                                Instant notifiedAt, String review, Instant reviewedAt, String reviewNote) {

        public boolean withheld() {
            return "WITHHELD".equals(status);
        }
    }

    public record ShownReply(UUID id, UUID organisationId, String organisationName, String answer, String message, Instant createdAt) {

        public boolean needsHelp() {
            return Answer.NEED_HELP.name().equals(answer);
        }
    }

    /** An entry of the review list; {@code title} is null when the reviewer may not see the report. */
    public record WithheldNotice(String reportId, String title, UUID owner, String ownerName, UUID organisationId,
                                 String organisationName, String reason, Instant decidedAt, String review, Instant reviewedAt,
                                 String reviewNote) {

        public boolean pending() {
            return review == null;
        }
    }

    /** What the report page shows about victim notification. */
    public record View(List<ShownDecision> decisions, List<ShownReply> replies, boolean mayReply, boolean mayReview) {
    }

    private final VictimNoticeRepository repository;
    private final Reports reports;
    private final ReportRepository reportRows;
    private final Notifications notifications;
    private final AlertOutbox alerts;
    private final Organisations organisations;
    private final KnowledgeStore store;
    private final Viewers viewers;
    private final AuditTrail audit;
    private final TransactionTemplate transactions;
    private final Clock clock;

    VictimReviews(VictimNoticeRepository repository, Reports reports, ReportRepository reportRows, Notifications notifications,
                  AlertOutbox alerts, Organisations organisations, KnowledgeStore store, Viewers viewers, AuditTrail audit,
                  TransactionTemplate transactions, Clock clock) {
        this.repository = repository;
        this.reports = reports;
        this.reportRows = reportRows;
        this.notifications = notifications;
        this.alerts = alerts;
        this.organisations = organisations;
        this.store = store;
        this.viewers = viewers;
        this.audit = audit;
        this.transactions = transactions;
        this.clock = clock;
    }

    // ---- the report page -----------------------------------------------------------------------

    /** Victim notification of a report the member may see (the caller read it through the policy). */
    public View view(Member member, Report report) {
        Map<UUID, String> names = names();
        UUID owner = report.sharing() == null ? null : report.sharing().ownerOrganisation();
        boolean reporter = owner != null && member.belongsTo(owner);
        List<VictimNoticeRepository.Decision> decisions = repository.decisions(report.id());
        List<ShownDecision> shown = decisions.stream()
                // the target sees that it was notified; a withholding is the reporting organisation's business
                .filter(d -> reporter || d.notified() || !member.belongsTo(d.organisationId()))
                .map(d -> new ShownDecision(d.organisationId(), names.get(d.organisationId()), d.status(), reporter ? d.reason() : null,
                        d.decidedAt(), d.notifiedAt(), d.review(), d.reviewedAt(), reporter ? d.reviewNote() : null))
                .toList();
        List<ShownReply> replies = repository.replies(report.id()).stream()
                .map(r -> new ShownReply(r.id(), r.organisationId(), names.get(r.organisationId()), r.answer(), r.message(), r.createdAt()))
                .toList();
        boolean mayReply = member.organisationId() != null && Permissions.allows(member, Permission.KNOWLEDGE_SHARE)
                && decisions.stream().anyMatch(d -> d.notified() && member.belongsTo(d.organisationId()));
        return new View(shown, replies, mayReply, owner != null && mayReview(member, owner));
    }

    /** Target organisation → NOTIFIED or WITHHELD, for the edit form (the reporting organisation's own page). */
    Map<UUID, String> decidedTargets(String reportId) {
        return repository.decisions(reportId).stream()
                .collect(Collectors.toMap(VictimNoticeRepository.Decision::organisationId, VictimNoticeRepository.Decision::status));
    }

    // ---- the target's reply --------------------------------------------------------------------

    /**
     * The member's organisation answers the notice it received about the report: stored, audited,
     * the notice acknowledged, the reporter told in the app. Only analysts and administrators of a
     * notified target organisation who may see the report reply; anyone else gets 404 (a report they
     * may not see) or 403.
     */
    public ShownReply reply(Member member, String reportId, String answerText, String message) {
        Report report = reports.get(member, reportId); // 404 unless the policy lets the member see it
        Answer answer = Answer.parse(answerText);
        String text = message == null ? "" : message.strip();
        if (text.length() > MESSAGE_MAX) {
            throw new InvalidFieldException("message", "victims.message.long", "The message is longer than " + MESSAGE_MAX + " characters.");
        }
        if (member.organisationId() == null || !Permissions.allows(member, Permission.KNOWLEDGE_SHARE)) {
            throw new ForbiddenException("Only analysts and administrators of the notified organisation reply to a victim notice.");
        }
        UUID organisation = member.organisationId();
        return transactions.execute(tx -> {
            VictimNoticeRepository.Decision decision = repository.decision(reportId, organisation)
                    .filter(VictimNoticeRepository.Decision::notified)
                    .orElseThrow(() -> new ForbiddenException("Your organisation was not notified of this report as a target."));
            Instant now = clock.instant();
            VictimNoticeRepository.Reply reply = new VictimNoticeRepository.Reply(UUID.randomUUID(), reportId, organisation,
                    member.accountId(), answer.name(), text, now);
            repository.reply(reply);
            int acknowledged = notifications.acknowledgeVictimNotice(member, reportId, organisation);
            String organisationName = organisations.find(organisation).map(Organisation::name).orElse("");
            boolean told = decision.decidedBy() != null && alerts.victimReplied(reportId, report.modified(), decision.decidedBy(), reply.id(),
                    answer.name(), organisationName, report.content().title());
            audit.record(AuditEvent.of("victim-notice.replied", "report", reportId).with("organisation", organisation.toString())
                    .with("answer", answer.name()).with("message", !text.isEmpty()).with("acknowledged", acknowledged)
                    .with("reporterNotified", told));
            return new ShownReply(reply.id(), organisation, organisationName, answer.name(), text, now);
        });
    }

    // ---- review of withheld notices ------------------------------------------------------------

    /** Platform administrators, and the administrators of the organisation that filed the report. */
    static boolean mayReview(Member member, UUID reportOwner) {
        return member.platformAdministrator() || member.administers(reportOwner);
    }

    /** May the member open the review list at all. */
    public static boolean mayReviewAny(Member member) {
        return member.platformAdministrator() || member.role() == org.vigie.core.accounts.OrganisationRole.ADMINISTRATOR;
    }

    /**
     * The withheld notices the member reviews: all of them for a platform administrator, those of
     * the reports of the member's organisation for its administrators. A report's title is shown
     * only to whoever may see the report (a platform administrator is not a reader, ADR 0004).
     */
    public List<WithheldNotice> withheld(Member member) {
        if (!mayReviewAny(member)) {
            throw new ForbiddenException("Only platform administrators and organisation administrators review withheld victim notices.");
        }
        List<VictimNoticeRepository.Withheld> rows = repository.withheld(member.platformAdministrator() ? null : member.organisationId(),
                LIST_MAX);
        Set<String> visible = store.latestVisible(viewers.of(member), rows.stream().map(r -> r.decision().reportId()).distinct().toList())
                .stream().map(StoredObject::stixId).collect(Collectors.toSet());
        Map<UUID, String> names = names();
        return rows.stream().map(r -> {
            VictimNoticeRepository.Decision d = r.decision();
            return new WithheldNotice(d.reportId(), visible.contains(d.reportId()) ? r.reportTitle() : null, r.reportOwner(),
                    names.get(r.reportOwner()), d.organisationId(), names.get(d.organisationId()), d.reason(), d.decidedAt(), d.review(),
                    d.reviewedAt(), d.reviewNote());
        }).toList();
    }

    /**
     * Confirms a withheld notice (it stays withheld) or overturns it: the report is shared with the
     * target and the notice sent, in one transaction. Audited either way.
     */
    public void review(Member member, String reportId, UUID organisation, String decisionText, String note) {
        Review review = Review.parse(decisionText);
        String text = note == null ? "" : note.strip();
        if (text.length() > VictimNotices.REASON_MAX) {
            throw new InvalidFieldException("note", "victims.note.long", "The note is longer than " + VictimNotices.REASON_MAX + " characters.");
        }
        UUID owner = reportRows.owner(reportId).orElseThrow(() -> new NotFoundException("victim notice", reportId + " / " + organisation));
        if (!mayReview(member, owner)) {
            // the same answer as for a notice that does not exist: the list is the only way in
            throw new NotFoundException("victim notice", reportId + " / " + organisation);
        }
        transactions.executeWithoutResult(tx -> {
            VictimNoticeRepository.Decision decision = repository.decision(reportId, organisation)
                    .orElseThrow(() -> new NotFoundException("victim notice", reportId + " / " + organisation));
            if (!decision.withheld()) {
                throw new ConflictException("decision", "victims.review.notWithheld", "This notice is not withheld: it was sent already.");
            }
            Instant now = clock.instant();
            if (review == Review.OVERTURN) {
                reports.shareWithTarget(member, reportId, owner, organisation);
                repository.review(reportId, organisation, "OVERTURNED", member.accountId(), now, text.isEmpty() ? null : text);
                audit.record(AuditEvent.of("victim-notice.overturned", "report", reportId).with("organisation", organisation.toString())
                        .with("note", text));
            } else {
                repository.review(reportId, organisation, "CONFIRMED", member.accountId(), now, text.isEmpty() ? null : text);
                audit.record(AuditEvent.of("victim-notice.confirmed", "report", reportId).with("organisation", organisation.toString())
                        .with("note", text));
            }
        });
    }

    private Map<UUID, String> names() {
        return organisations.all().stream().collect(Collectors.toMap(Organisation::id, Organisation::name, (a, b) -> a));
    }
}

package org.vigie.server.reports;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.vigie.core.accounts.Member;
import org.vigie.core.organisations.ContactTopic;
import org.vigie.core.reports.VictimTopics;
import org.vigie.core.sharing.Tlp;
import org.vigie.server.alerts.AlertOutbox;
import org.vigie.server.audit.AuditEvent;
import org.vigie.server.audit.AuditTrail;
import org.vigie.server.knowledge.SharingRequest;
import org.vigie.server.organisations.Organisation;
import org.vigie.server.organisations.Organisations;
import org.vigie.server.organisations.PointOfContact;
import org.vigie.server.organisations.PointsOfContact;

/**
 * Victim notification as a step of storing a report version (ADR 0008). Before the version is
 * stored, {@link #plan} decides, once per report and target organisation on Vigie, whether to notify
 * it or to withhold the notice (the reporter gave a reason), and {@link #widen} adds the organisations
 * to notify to the version's distribution — notifying a target shares the report with it, so the
 * policy lets it read what it is told about. After the version is stored, {@link #apply} records the
 * decisions, audits them and queues the notices in the outbox, in the same transaction.
 *
 * <p>A decision is taken once: editing the report never sends a notice again, and never undoes a
 * withholding either — only a reviewer does that ({@link VictimReviews}). The reporter's own
 * organisation is never "notified" of its own report.
 */
@Service
class VictimNotices {

    static final int REASON_MAX = 2000;

    private final VictimNoticeRepository repository;
    private final AlertOutbox alerts;
    private final PointsOfContact contacts;
    private final Organisations organisations;
    private final AuditTrail audit;
    private final Clock clock;

    VictimNotices(VictimNoticeRepository repository, AlertOutbox alerts, PointsOfContact contacts, Organisations organisations,
                  AuditTrail audit, Clock clock) {
        this.repository = repository;
        this.alerts = alerts;
        this.contacts = contacts;
        this.organisations = organisations;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * What storing a version does about its targets.
     *
     * @param withhold organisation → the reporter's reason not to notify it (new decisions only)
     * @param toNotify organisations to notify now (new decisions, or an overturned withholding)
     * @param users    for a TLP:RED report, the notice recipients to name in its distribution (RED is per person)
     */
    record Plan(Map<UUID, String> withhold, Set<UUID> toNotify, Set<UUID> users) {

        static final Plan NONE = new Plan(Map.of(), Set.of(), Set.of());

        boolean isEmpty() {
            return withhold.isEmpty() && toNotify.isEmpty();
        }
    }

    /**
     * The decisions a version takes: targets naming an organisation on Vigie (not the owner) that
     * have no decision yet. A revoked report notifies nobody.
     *
     * @param reportId null for a report not stored yet
     */
    Plan plan(String reportId, UUID owner, ReportDraft draft, Tlp tlp, boolean revoked) {
        if (revoked) {
            return Plan.NONE;
        }
        Set<UUID> decided = reportId == null ? Set.of()
                : repository.decisions(reportId).stream().map(VictimNoticeRepository.Decision::organisationId).collect(Collectors.toSet());
        Map<UUID, String> withhold = new LinkedHashMap<>();
        Set<UUID> notify = new LinkedHashSet<>();
        for (Target target : draft.targets()) {
            UUID organisation = target.organisationId();
            if (organisation == null || organisation.equals(owner) || decided.contains(organisation)
                    || withhold.containsKey(organisation) || notify.contains(organisation)) {
                continue;
            }
            if (target.doNotNotify()) {
                withhold.put(organisation, target.doNotNotifyReason().strip());
            } else {
                notify.add(organisation);
            }
        }
        notify.removeAll(withhold.keySet()); // named twice, once withheld: withholding wins
        return new Plan(withhold, notify, users(notify, tlp));
    }

    /** Notifying one organisation whose notice was withheld (a reviewer overturned the decision). */
    Plan overturn(UUID organisation, Tlp tlp) {
        return new Plan(Map.of(), Set.of(organisation), users(Set.of(organisation), tlp));
    }

    private Set<UUID> users(Set<UUID> notify, Tlp tlp) {
        if (tlp != Tlp.RED) {
            return Set.of();
        }
        Set<UUID> users = new LinkedHashSet<>();
        notify.forEach(o -> users.addAll(alerts.victimNoticeRecipients(o)));
        return users;
    }

    /** The version's sharing with the organisations to notify added (and, for RED, their notice recipients). */
    static SharingRequest widen(SharingRequest sharing, Plan plan) {
        if (plan.toNotify().isEmpty()) {
            return sharing;
        }
        Set<UUID> organisations = new LinkedHashSet<>(sharing.organisations());
        organisations.addAll(plan.toNotify());
        Set<UUID> users = new LinkedHashSet<>(sharing.users());
        users.addAll(plan.users());
        return new SharingRequest(sharing.tlp(), sharing.pap(), sharing.communities(), organisations, users);
    }

    /**
     * Records the plan's decisions and queues the notices, in the transaction that stored the version
     * (the outbox refuses to run outside one). Each decision is audited.
     */
    void apply(Member actor, String reportId, Instant modified, ReportDraft draft, Plan plan) {
        if (plan.isEmpty()) {
            return;
        }
        Instant now = clock.instant();
        plan.withhold().forEach((organisation, reason) -> {
            if (repository.withhold(reportId, organisation, reason, actor.accountId(), now)) {
                audit.record(AuditEvent.of("victim-notice.withheld", "report", reportId).with("organisation", organisation.toString())
                        .with("reason", reason));
            }
        });
        for (UUID organisation : plan.toNotify()) {
            if (!repository.notified(reportId, organisation, actor.accountId(), now)) {
                continue; // sent already
            }
            List<AlertOutbox.ContactAddress> addresses = addresses(organisation, draft);
            int queued = alerts.victimNotice(new AlertOutbox.VictimNotice(reportId, modified, organisation,
                    organisations.find(organisation).map(Organisation::name).orElse(""), draft.title(),
                    draft.outcome() == null ? "unknown" : draft.outcome().key(), addresses));
            audit.record(AuditEvent.of("victim-notice.sent", "report", reportId).with("organisation", organisation.toString())
                    .with("contacts", addresses.size()).with("notifications", queued));
        }
    }

    /**
     * The target's points of contact for the report's topics (always its 24/7 duty desk). An
     * organisation with none of those is still told: then every contact with an address is.
     */
    private List<AlertOutbox.ContactAddress> addresses(UUID organisation, ReportDraft draft) {
        Set<ContactTopic> topics = VictimTopics.of(draft.types());
        List<PointOfContact> all = contacts.of(organisation).stream().filter(c -> c.email() != null && !c.email().isBlank()).toList();
        List<PointOfContact> chosen = all.stream().filter(c -> topics.contains(c.topic())).toList();
        return (chosen.isEmpty() ? all : chosen).stream().map(c -> new AlertOutbox.ContactAddress(c.id(), c.email())).toList();
    }

    List<VictimNoticeRepository.Decision> decisions(String reportId) {
        return repository.decisions(reportId);
    }
}

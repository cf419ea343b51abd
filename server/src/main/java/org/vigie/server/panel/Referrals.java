package org.vigie.server.panel;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.vigie.core.accounts.Member;
import org.vigie.core.accounts.Permission;
import org.vigie.core.accounts.Permissions;
import org.vigie.server.audit.AuditEvent;
import org.vigie.server.audit.AuditTrail;
import org.vigie.server.campaigns.Campaign;
import org.vigie.server.campaigns.Campaigns;
import org.vigie.server.reports.Report;
import org.vigie.server.reports.Reports;
import org.vigie.server.web.ConflictException;
import org.vigie.server.web.ForbiddenException;
import org.vigie.server.web.InvalidFieldException;
import org.vigie.server.web.NotFoundException;

/**
 * Referrals to a panel. An analyst (or an organisation's administrator) refers reports and campaigns
 * they may see, with a title and cover note; the panel's current members read the referral, the
 * queue and the subjects (each through the visibility policy of the member reading). Anyone else gets
 * 404: a referral is panel content. Members concerned by a subject are recused automatically; a member
 * may also recuse themself.
 */
@Service
public class Referrals {

    static final String TARGET = "panel-referral";
    public static final int MAX_SUBJECTS = 200;
    static final int MAX_TITLE = 300;
    static final int MAX_NOTE = 20_000;
    static final int MAX_REASON = 2000;

    private final PanelRepository repository;
    private final Panels panels;
    private final Recusals recusals;
    private final Reports reports;
    private final Campaigns campaigns;
    private final AuditTrail audit;
    private final Clock clock;

    Referrals(PanelRepository repository, Panels panels, Recusals recusals, Reports reports, Campaigns campaigns, AuditTrail audit, Clock clock) {
        this.repository = repository;
        this.panels = panels;
        this.recusals = recusals;
        this.reports = reports;
        this.campaigns = campaigns;
        this.audit = audit;
        this.clock = clock;
    }

    /** Analysts and administrators of an organisation refer (viewers read; an organisation-less administrator acts for no one). */
    public static boolean mayRefer(Member member) {
        return Permissions.allows(member, Permission.KNOWLEDGE_SHARE);
    }

    // ---- referring -----------------------------------------------------------------------------------

    /**
     * Refers one report (REPORT), one campaign (CAMPAIGN) or several subjects together (ACCUMULATION)
     * to an active panel. Each subject must be one the analyst may see; one they may not is refused
     * exactly like one that does not exist. Recusals are recorded in the same transaction. The answer
     * carries the recusals: a caller showing it to the analyst shows the status only (members'
     * declared interests are not theirs to read).
     */
    @Transactional
    public Referral refer(Member analyst, UUID panelId, ReferralRequest request) {
        if (!mayRefer(analyst)) {
            throw new ForbiddenException("Only analysts and administrators of an organisation refer cases to a panel.");
        }
        Panel panel = panels.get(panelId);
        if (!panel.active()) {
            throw new ConflictException("panelId", "panel.referral.inactive", "The panel '" + panel.name() + "' no longer takes referrals.");
        }
        if (request == null || request.subjectIds() == null || request.subjectIds().isEmpty()) {
            throw new InvalidFieldException("subjectIds", "panel.referral.subjects.required", "Name at least one report or campaign to refer.");
        }
        if (request.subjectIds().size() > MAX_SUBJECTS) {
            throw new InvalidFieldException("subjectIds", "panel.referral.subjects.many", "At most " + MAX_SUBJECTS + " subjects in one referral.");
        }
        List<Referral.SubjectRef> subjects = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < request.subjectIds().size(); i++) {
            String field = "subjectIds[" + i + "]";
            String id = request.subjectIds().get(i) == null ? "" : request.subjectIds().get(i).strip();
            if (!seen.add(id)) {
                throw new InvalidFieldException(field, "panel.referral.subjects.repeated", "'" + id + "' is named twice.");
            }
            subjects.add(new Referral.SubjectRef(id, visibleSubjectType(analyst, id, field)));
        }
        String title = request.title() == null ? "" : request.title().strip();
        if (title.isEmpty()) {
            throw new InvalidFieldException("title", "panel.referral.title.required", "Give the referral a title for the panel.");
        }
        if (title.length() > MAX_TITLE) {
            throw new InvalidFieldException("title", "panel.referral.title.long", "The title is longer than " + MAX_TITLE + " characters.");
        }
        String note = request.coverNote() == null ? "" : request.coverNote().strip();
        if (note.length() > MAX_NOTE) {
            throw new InvalidFieldException("coverNote", "panel.referral.note.long", "The cover note is longer than " + MAX_NOTE + " characters.");
        }
        Referral.Kind kind = subjects.size() > 1 ? Referral.Kind.ACCUMULATION
                : "campaign".equals(subjects.get(0).type()) ? Referral.Kind.CAMPAIGN : Referral.Kind.REPORT;
        UUID id = UUID.randomUUID();
        Instant now = PanelRepository.now(clock);
        repository.insertReferral(id, panelId, kind, title, note, analyst.accountId(), analyst.organisationId(), now, subjects);
        audit.record(AuditEvent.of("panel.referred", TARGET, id).with("panel", panelId.toString()).with("kind", kind.name())
                .with("subjects", subjects.stream().map(Referral.SubjectRef::id).toList()).with("by", analyst.accountId().toString()));
        recusals.applyToReferral(panelId, id, subjects.stream().map(Referral.SubjectRef::id).toList(), now);
        return repository.referral(id).orElseThrow();
    }

    /** "report" or "campaign" if the analyst may see it; the same 400 for what does not exist and what they may not see. */
    private String visibleSubjectType(Member analyst, String id, String field) {
        try {
            if (id.startsWith("incident--")) {
                reports.get(analyst, id);
                return "report";
            }
            if (id.startsWith("campaign--")) {
                campaigns.get(analyst, id);
                return "campaign";
            }
        } catch (NotFoundException e) {
            // falls through: the same answer as for an id that names nothing
        }
        throw new InvalidFieldException(field, "panel.referral.subjects.unknown", "No report or campaign '" + id + "' that you may see.");
    }

    /** Withdraws an open referral: its author or a chair of the panel. */
    @Transactional
    public Referral withdraw(Member actor, UUID referralId, String reason) {
        Referral referral = repository.lockReferral(referralId).orElseThrow(() -> new NotFoundException("referral", referralId));
        boolean author = referral.referredBy().equals(actor.accountId());
        boolean chair = repository.member(referral.panelId(), actor.accountId())
                .filter(m -> m.current() && m.role() == PanelMember.Role.CHAIR).isPresent();
        if (!author && !chair) {
            if (!panels.isMember(referral.panelId(), actor.accountId())) {
                throw new NotFoundException("referral", referralId);
            }
            throw new ForbiddenException("Only the analyst who referred it or a chair of the panel withdraws a referral.");
        }
        if (!referral.open()) {
            throw new ConflictException("status", "panel.referral.closed", "This referral is " + referral.status() + ": it can no longer be withdrawn.");
        }
        String why = reason == null ? "" : reason.strip();
        if (why.isEmpty() || why.length() > MAX_REASON) {
            throw new InvalidFieldException("reason", "panel.referral.withdraw.reason", "Say why the referral is withdrawn (at most " + MAX_REASON + " characters).");
        }
        repository.closeReferral(referralId, Referral.Status.WITHDRAWN, PanelRepository.now(clock));
        audit.record(AuditEvent.of("panel.referral-withdrawn", TARGET, referralId).with("reason", why));
        return repository.referral(referralId).orElseThrow();
    }

    // ---- recusal -------------------------------------------------------------------------------------

    /** A member recuses themself, with a reason the record shows; it cannot be undone. */
    @Transactional
    public Recusal recuse(Member member, UUID referralId, String reason) {
        Referral referral = repository.lockReferral(referralId).orElseThrow(() -> new NotFoundException("referral", referralId));
        requireMember(member, referral);
        if (referral.status() == Referral.Status.WITHDRAWN) {
            throw new ConflictException("status", "panel.referral.closed", "This referral was withdrawn.");
        }
        String why = reason == null ? "" : reason.strip();
        if (why.isEmpty()) {
            throw new InvalidFieldException("reason", "panel.recusal.reason.required", "Say why you recuse yourself; the record shows it.");
        }
        if (why.length() > MAX_REASON) {
            throw new InvalidFieldException("reason", "panel.recusal.reason.long", "The reason is longer than " + MAX_REASON + " characters.");
        }
        if (referral.recused(member.accountId())) {
            throw new ConflictException("reason", "panel.recusal.already", "You are already recused from this referral.");
        }
        Instant now = PanelRepository.now(clock);
        repository.insertRecusal(referralId, member.accountId(), null, why, now);
        audit.record(AuditEvent.of("panel.recused", TARGET, referralId).with("account", member.accountId().toString())
                .with("reason", why).with("automatic", false));
        return repository.recusals(List.of(referralId)).stream().filter(r -> r.accountId().equals(member.accountId())).findFirst().orElseThrow();
    }

    // ---- reading -------------------------------------------------------------------------------------

    /** A referral, for a current member of its panel; 404 for anyone else. */
    public Referral get(Member reader, UUID referralId) {
        Referral referral = repository.referral(referralId).orElseThrow(() -> new NotFoundException("referral", referralId));
        requireMember(reader, referral);
        return referral;
    }

    /** Whether the reader is a current member of the referral's panel (and so may read it). */
    public boolean mayRead(Member reader, Referral referral) {
        return panels.isMember(referral.panelId(), reader.accountId());
    }

    void requireMember(Member reader, Referral referral) {
        if (!mayRead(reader, referral)) {
            throw new NotFoundException("referral", referral.id());
        }
    }

    /** One line of the queue. */
    public record QueueEntry(Referral referral, Duration age, int assessed, int eligible, boolean recused, boolean assessedByMe) {
    }

    /** The panel's open referrals, oldest first, with their age; for its current members. */
    public List<QueueEntry> queue(Member reader, UUID panelId) {
        panels.get(panelId);
        if (!panels.isMember(panelId, reader.accountId())) {
            throw new NotFoundException("panel queue", panelId);
        }
        return entries(reader, panelId, repository.queue(panelId));
    }

    /** Every referral of the panel, newest first (the panel's record); for its current members. */
    public List<QueueEntry> all(Member reader, UUID panelId) {
        panels.get(panelId);
        if (!panels.isMember(panelId, reader.accountId())) {
            throw new NotFoundException("panel referrals", panelId);
        }
        return entries(reader, panelId, repository.referrals(panelId));
    }

    private List<QueueEntry> entries(Member reader, UUID panelId, List<Referral> referrals) {
        Instant now = PanelRepository.now(clock);
        List<UUID> ids = referrals.stream().map(Referral::id).toList();
        Map<UUID, Integer> counts = repository.assessmentCounts(ids);
        Set<UUID> mine = repository.assessedBy(ids, reader.accountId());
        List<UUID> members = panels.currentMembers(panelId).stream().map(PanelMember::accountId).toList();
        List<QueueEntry> entries = new ArrayList<>();
        for (Referral r : referrals) {
            int eligible = (int) members.stream().filter(m -> !r.recused(m)).count();
            entries.add(new QueueEntry(r, r.age(now), counts.getOrDefault(r.id(), 0), eligible, r.recused(reader.accountId()),
                    mine.contains(r.id())));
        }
        return entries;
    }

    /** The referrals this account made, newest first, with status only (the panel's deliberation is not theirs to read). */
    public List<Referral> madeBy(Member analyst) {
        return repository.referralsBy(analyst.accountId());
    }

    /**
     * Referrals about a report or campaign, for its page: those of panels the reader is a member of,
     * and those the reader made.
     */
    public List<Referral> about(Member reader, String subjectId) {
        return repository.referralsAbout(subjectId).stream()
                .filter(r -> r.referredBy().equals(reader.accountId()) || mayRead(reader, r)).toList();
    }

    /**
     * The referral's subjects as this member may see them: each through the visibility policy
     * (reports and campaigns modules; restricted reads audited there).
     */
    public List<SubjectView> subjects(Member reader, UUID referralId) {
        Referral referral = get(reader, referralId);
        List<SubjectView> views = new ArrayList<>();
        for (Referral.SubjectRef s : referral.subjects()) {
            views.add(subject(reader, s));
        }
        return views;
    }

    private SubjectView subject(Member reader, Referral.SubjectRef s) {
        try {
            if ("report".equals(s.type())) {
                Report r = reports.get(reader, s.id());
                Map<UUID, String> owner = repository.organisationNames(r.sharing().ownerOrganisation() == null ? List.of()
                        : List.of(r.sharing().ownerOrganisation()));
                return new SubjectView(s.id(), s.type(), true, r.content().title(), r.content().summary(), r.sharing().tlp(),
                        owner.values().stream().findFirst().orElse(null),
                        r.content().types().stream().map(Enum::name).sorted().toList(),
                        r.content().outcome() == null ? null : r.content().outcome().name(), r.content().confidence(), 1);
            }
            Campaign c = campaigns.get(reader, s.id());
            Map<UUID, String> owner = repository.organisationNames(c.sharing().ownerOrganisation() == null ? List.of()
                    : List.of(c.sharing().ownerOrganisation()));
            int visibleReports = campaigns.view(reader, c).reportCount();
            return new SubjectView(s.id(), s.type(), true, c.name(), c.description(), c.sharing().tlp(),
                    owner.values().stream().findFirst().orElse(null), List.of(), null, null, visibleReports);
        } catch (NotFoundException e) {
            return SubjectView.hidden(s.id(), s.type());
        }
    }

    /**
     * The target organisations of the referral's subjects (reports', and campaigns' reports'): for the
     * notices before publication. No access check: callers are services that have made their own.
     */
    public Set<UUID> targets(UUID referralId) {
        repository.referral(referralId).orElseThrow(() -> new NotFoundException("referral", referralId));
        return repository.targets(referralId);
    }

    /** A referral without access check, for other modules' services that checked their own access (statements, review). */
    public java.util.Optional<Referral> find(UUID referralId) {
        return repository.referral(referralId);
    }
}

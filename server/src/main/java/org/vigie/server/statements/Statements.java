package org.vigie.server.statements;

import java.text.Normalizer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.vigie.core.accounts.Member;
import org.vigie.core.panel.Outcome;
import org.vigie.core.panel.Position;
import org.vigie.core.panel.Tally;
import org.vigie.core.reports.IncidentType;
import org.vigie.core.taxonomy.CyclePhase;
import org.vigie.server.audit.AuditEvent;
import org.vigie.server.audit.AuditTrail;
import org.vigie.server.elections.Elections;
import org.vigie.server.web.ConflictException;
import org.vigie.server.web.ForbiddenException;
import org.vigie.server.web.InvalidFieldException;
import org.vigie.server.web.NotFoundException;

/**
 * Drafting, revising, approving, scheduling and correcting public statements. Who may: the members of
 * the statement's panel who are not recused from its referral — anyone else gets 404 (a statement
 * before publication is panel content), a recused member 403 with the reason (they know the referral;
 * seeing the draft before the parties would be the advantage the pre-announcement exists to prevent).
 * Every change is audited in its transaction. The notices and the publication are {@link Publication}'s.
 */
@Service
public class Statements {

    static final String TARGET = "panel-statement";
    static final int CORRECTION_MAX = 8000;

    private final StatementRepository repository;
    private final PanelRecords panels;
    private final Elections elections;
    private final AuditTrail audit;
    private final Clock clock;
    private final Duration leadTime;

    Statements(StatementRepository repository, PanelRecords panels, Elections elections, AuditTrail audit, Clock clock,
               @Value("${vigie.statements.notice-lead-time:PT2H}") Duration leadTime) {
        this.repository = repository;
        this.panels = panels;
        this.elections = elections;
        this.audit = audit;
        this.clock = clock;
        this.leadTime = leadTime;
    }

    /** How long before the scheduled publication the notices go (vigie.statements.notice-lead-time). */
    public Duration leadTime() {
        return leadTime;
    }

    // ---- drafting ---------------------------------------------------------------------------------

    /**
     * The decision a new statement would be about: the one given, or the one that stands for the
     * referral given. Refused: an unknown id (404), a referral with no decision yet, a decision a
     * correction superseded, a decision not to inform the public, a decision that already has a
     * statement (409) — and anyone who is not a member of its panel taking part in the referral.
     */
    public PanelRecords.Decision decisionToDraft(Member me, UUID decisionId, UUID referralId) {
        PanelRecords.Decision decision;
        if (decisionId != null) {
            decision = panels.decision(decisionId).orElseThrow(() -> new NotFoundException("decision", decisionId));
        } else if (referralId != null) {
            if (!panels.referralExists(referralId)) {
                throw new NotFoundException("referral", referralId);
            }
            requireParticipant(me, panels.panelOfReferral(referralId).orElseThrow(), referralId, "referral", referralId);
            decision = panels.latestDecision(referralId).orElseThrow(() -> new ConflictException("referralId", "statements.error.noDecision",
                    "Referral " + referralId + " has no decision: the panel must decide to inform the public before a statement is drafted."));
        } else {
            throw new InvalidFieldException("decisionId", "statements.error.decisionRequired",
                    "A statement is about a decision of the panel: give decisionId (or referralId).");
        }
        requireParticipant(me, decision.panelId(), decision.referralId(), "decision", decision.id());
        if (!decision.latest()) {
            throw new ConflictException("decisionId", "statements.error.decisionCorrected",
                    "Decision " + decision.id() + " was corrected by a later decision: draft the statement from the decision that stands.");
        }
        if (decision.outcome() != Outcome.PUBLIC_ANNOUNCEMENT) {
            throw new ConflictException("decisionId", "statements.error.noAnnouncement",
                    "Decision " + decision.id() + " is " + decision.outcome() + ": the panel decided not to inform the public, so there is no "
                            + "statement to publish.");
        }
        repository.byDecision(decision.id()).ifPresent(existing -> {
            throw new ConflictException("decisionId", "statements.error.alreadyDrafted",
                    "Decision " + decision.id() + " already has statement " + existing + ": revise that one.");
        });
        return decision;
    }

    /** Drafts a statement (version 1) about a decision to inform the public. */
    @Transactional
    public Statement create(Member me, UUID decisionId, UUID referralId, StatementDraft draft) {
        PanelRecords.Decision decision = decisionToDraft(me, decisionId, referralId);
        Checked checked = check(draft);
        UUID id = UUID.randomUUID();
        Instant now = clock.instant();
        repository.insert(id, decision.id(), decision.referralId(), slug(checked.en().title(), id), me.accountId(), now);
        repository.insertVersion(id, 1, checked.fr(), checked.en(), checked.classification(), me.accountId(), now);
        audit.record(AuditEvent.of("statement.drafted", TARGET, id).with("decision", decision.id().toString())
                .with("referral", decision.referralId().toString()).with("version", 1));
        return repository.find(id).orElseThrow();
    }

    /**
     * A new version of the text and classification. Allowed while the statement is a draft or approved
     * (a new version needs a new approval). Once the notices went, the text they carried is frozen; once
     * published, only a dated correction may follow (409 saying so).
     *
     * @param baseVersion the version the member edited, if known: a newer one in between is a 409 (lost update)
     */
    @Transactional
    public Statement revise(Member me, UUID id, StatementDraft draft, Integer baseVersion) {
        Statement statement = lockForParticipant(me, id);
        refuseIfFrozen(statement);
        if (baseVersion != null && baseVersion != statement.currentVersion()) {
            throw new ConflictException("baseVersion", "statements.error.staleVersion", "Statement " + id + " is at version "
                    + statement.currentVersion() + ", not " + baseVersion + ": someone revised it meanwhile; reload and edit the current one.");
        }
        Checked checked = check(draft);
        int version = statement.currentVersion() + 1;
        Instant now = clock.instant();
        repository.insertVersion(id, version, checked.fr(), checked.en(), checked.classification(), me.accountId(), now);
        repository.newVersion(id, version, slug(checked.en().title(), id), now);
        audit.record(AuditEvent.of("statement.revised", TARGET, id).with("version", version)
                .with("approvalCleared", statement.status() == StatementStatus.APPROVED));
        return repository.find(id).orElseThrow();
    }

    private void refuseIfFrozen(Statement statement) {
        switch (statement.status()) {
            case PUBLISHED -> throw new ConflictException("status", "statements.error.published", "Statement " + statement.id()
                    + " was published on " + statement.publishedAt() + ": a published statement is never edited. Add a dated correction "
                    + "instead (POST /api/v1/statements/" + statement.id() + "/corrections).");
            case NOTICES_SENT -> throw new ConflictException("status", "statements.error.noticesSent", "Statement " + statement.id()
                    + ": the notices carrying this text went on " + statement.noticesSentAt() + "; it is published as notified at "
                    + statement.scheduledFor() + ", then corrected if needed.");
            case WITHDRAWN -> throw new ConflictException("status", "statements.error.withdrawn", "Statement " + statement.id()
                    + " was withdrawn: the decision to inform the public no longer stands.");
            default -> {
            }
        }
    }

    // ---- approval ---------------------------------------------------------------------------------

    /**
     * Where the approval of the current version stands under the panel's decision rule: approvals by
     * members who are not recused count as "in favour"; the rule decides (consensus: every one of them;
     * quorum: enough of them).
     */
    public record ApprovalState(int version, List<Approval> approvals, int eligible, boolean approved, String pendingReason) {
    }

    ApprovalState approvalState(Statement statement, PanelRecords.Decision decision) {
        int version = statement.approvedVersion() != null ? statement.approvedVersion() : statement.currentVersion();
        List<Approval> approvals = repository.approvals(statement.id()).stream().filter(a -> a.version() == version).toList();
        Tally tally = tally(statement, decision, approvals);
        boolean approved = statement.approvedVersion() != null;
        return new ApprovalState(version, approvals, tally.eligible(), approved, approved ? null : tally.pendingReason());
    }

    private Tally tally(Statement statement, PanelRecords.Decision decision, List<Approval> approvals) {
        Set<UUID> members = panels.members(statement.panelId());
        Set<UUID> recused = panels.recused(statement.referralId());
        Map<UUID, Position> positions = new LinkedHashMap<>();
        approvals.forEach(a -> positions.put(a.accountId(), Position.ANNOUNCE));
        return decision.rule().apply(members, recused, positions);
    }

    /**
     * A member approves the current version. When the panel's rule is met the statement is APPROVED
     * (that version frozen as the one to notify and publish). Refused: a version that is not the
     * current one, a second approval by the same member, a statement past approval (409).
     */
    @Transactional
    public ApprovalState approve(Member me, UUID id, int version) {
        Statement statement = lockForParticipant(me, id);
        refuseIfFrozen(statement);
        if (statement.status() == StatementStatus.APPROVED) {
            throw new ConflictException("status", "statements.error.alreadyApproved",
                    "Statement " + id + " is already approved (version " + statement.approvedVersion() + ").");
        }
        if (version != statement.currentVersion()) {
            throw new ConflictException("version", "statements.error.notCurrent", "Version " + version + " is not the current version of "
                    + "statement " + id + " (" + statement.currentVersion() + "): approve the text as it is now.");
        }
        Instant now = clock.instant();
        if (!repository.approve(id, version, me.accountId(), now)) {
            throw new ConflictException("version", "statements.error.approvedTwice", "You already approved version " + version + ".");
        }
        PanelRecords.Decision decision = panels.decision(statement.decisionId()).orElseThrow();
        List<Approval> approvals = repository.approvals(id).stream().filter(a -> a.version() == version).toList();
        Tally tally = tally(statement, decision, approvals);
        audit.record(AuditEvent.of("statement.approval", TARGET, id).with("version", version).with("approvals", approvals.size())
                .with("eligible", tally.eligible()));
        if (tally.decided() && tally.outcome() == Outcome.PUBLIC_ANNOUNCEMENT) {
            repository.markApproved(id, version, now);
            audit.record(AuditEvent.of("statement.approved", TARGET, id).with("version", version).with("rule", decision.rule().kind().name())
                    .with("approvers", approvals.stream().map(a -> a.accountId().toString()).toList()));
            return new ApprovalState(version, approvals, tally.eligible(), true, null);
        }
        return new ApprovalState(version, approvals, tally.eligible(), false, tally.pendingReason());
    }

    // ---- scheduling -------------------------------------------------------------------------------

    /**
     * Sets when the statement is published. It must leave the lead time for the notices: a time sooner
     * than now + lead time is refused (400), so that targets, parties and the election body always have
     * that long before the public. May be set on a draft; the notices wait for the approval.
     */
    @Transactional
    public Statement schedule(Member me, UUID id, Instant at) {
        Statement statement = lockForParticipant(me, id);
        refuseIfFrozen(statement);
        if (at == null) {
            throw new InvalidFieldException("scheduledFor", "statements.error.scheduleRequired", "scheduledFor is required (an instant, UTC).");
        }
        Instant now = clock.instant();
        Instant earliest = now.plus(leadTime);
        if (at.isBefore(earliest)) {
            throw new InvalidFieldException("scheduledFor", "statements.error.tooSoon", "scheduledFor " + at + " is too soon: the notices go "
                    + leadTime.toMinutes() + " minutes before publication, so the earliest is " + earliest.truncatedTo(ChronoUnit.SECONDS) + ".");
        }
        repository.schedule(id, at, now);
        audit.record(AuditEvent.of("statement.scheduled", TARGET, id).with("scheduledFor", at.toString())
                .with("noticesAt", at.minus(leadTime).toString()));
        return repository.find(id).orElseThrow();
    }

    // ---- corrections ------------------------------------------------------------------------------

    /**
     * What proposing or approving a correction did: the proposal with its approvals, where the rule
     * stands, and the published correction once the rule is met.
     */
    public record CorrectionState(CorrectionProposal proposal, int eligible, String pendingReason, Correction correction) {

        @com.fasterxml.jackson.annotation.JsonProperty("published")
        public boolean published() {
            return correction != null;
        }
    }

    /**
     * Proposes a dated correction, in both languages, to a published statement (and only to one); the
     * proposer's approval counts. Like the statement, it is published only once the panel's rule is met
     * — at once for a rule one approval satisfies.
     */
    @Transactional
    public CorrectionState proposeCorrection(Member me, UUID id, String textFr, String textEn) {
        Statement statement = lockForParticipant(me, id);
        if (statement.status() != StatementStatus.PUBLISHED) {
            throw new ConflictException("status", "statements.error.notPublished", "Statement " + id + " is " + statement.status()
                    + ": only a published statement takes corrections; revise the draft instead.");
        }
        String fr = required("textFr", textFr, CORRECTION_MAX);
        String en = required("textEn", textEn, CORRECTION_MAX);
        UUID proposal = UUID.randomUUID();
        Instant now = clock.instant();
        repository.insertProposal(proposal, id, fr, en, me.accountId(), now);
        repository.approveProposal(proposal, me.accountId(), now);
        audit.record(AuditEvent.of("statement.correction-proposed", TARGET, id).with("proposal", proposal.toString()));
        return settle(statement, proposal, now);
    }

    /** A member approves a proposed correction; when the panel's rule is met it is published. */
    @Transactional
    public CorrectionState approveCorrection(Member me, UUID id, UUID proposalId) {
        Statement statement = lockForParticipant(me, id);
        CorrectionProposal proposal = repository.proposals(id).stream().filter(p -> p.id().equals(proposalId)).findFirst()
                .orElseThrow(() -> new NotFoundException("correction proposal of statement " + id, proposalId));
        if (proposal.published()) {
            throw new ConflictException("proposalId", "statements.error.correctionPublished", "Correction " + proposalId
                    + " is already published.");
        }
        Instant now = clock.instant();
        if (!repository.approveProposal(proposalId, me.accountId(), now)) {
            throw new ConflictException("proposalId", "statements.error.approvedTwice", "You already approved correction " + proposalId + ".");
        }
        audit.record(AuditEvent.of("statement.correction-approval", TARGET, id).with("proposal", proposalId.toString()));
        return settle(statement, proposalId, now);
    }

    private CorrectionState settle(Statement statement, UUID proposalId, Instant now) {
        CorrectionProposal proposal = repository.proposals(statement.id()).stream().filter(p -> p.id().equals(proposalId)).findFirst()
                .orElseThrow();
        PanelRecords.Decision decision = panels.decision(statement.decisionId()).orElseThrow();
        Map<UUID, Position> positions = new LinkedHashMap<>();
        proposal.approvers().forEach(a -> positions.put(a, Position.ANNOUNCE));
        Tally tally = decision.rule().apply(panels.members(statement.panelId()), panels.recused(statement.referralId()), positions);
        if (!(tally.decided() && tally.outcome() == Outcome.PUBLIC_ANNOUNCEMENT)) {
            return new CorrectionState(proposal, tally.eligible(), tally.pendingReason(), null);
        }
        UUID correction = UUID.randomUUID();
        repository.insertCorrection(correction, statement.id(), proposal.textFr(), proposal.textEn(), proposal.proposedBy(), now);
        repository.markProposalPublished(proposalId, correction);
        audit.record(AuditEvent.of("statement.corrected", TARGET, statement.id()).with("correction", correction.toString())
                .with("proposal", proposalId.toString()).with("approvers", proposal.approvers().stream().map(UUID::toString).toList()));
        Correction published = repository.corrections(statement.id()).stream().filter(c -> c.id().equals(correction)).findFirst().orElseThrow();
        return new CorrectionState(proposal, tally.eligible(), null, published);
    }

    // ---- reading ----------------------------------------------------------------------------------

    /** Everything about a statement that its panel's participating members see. */
    public record StatementView(Statement statement, String panelName, StatementVersion current, List<StatementVersion> versions,
                                ApprovalState approval, boolean approvedByMe, List<Notice> notices, List<Correction> corrections,
                                List<CorrectionProposal> pendingCorrections, Duration leadTime, Instant noticesDueAt) {

        public boolean editable() {
            return statement.status().editable();
        }

        public boolean published() {
            return statement.status() == StatementStatus.PUBLISHED;
        }
    }

    public StatementView view(Member me, UUID id) {
        Statement statement = visible(me, id);
        PanelRecords.Decision decision = panels.decision(statement.decisionId()).orElseThrow();
        List<StatementVersion> versions = repository.versions(id);
        StatementVersion current = versions.stream().filter(v -> v.version() == statement.currentVersion()).findFirst().orElseThrow();
        ApprovalState approval = approvalState(statement, decision);
        boolean mine = approval.approvals().stream().anyMatch(a -> a.accountId().equals(me.accountId()));
        return new StatementView(statement, decision.panelName(), current, versions, approval, mine, repository.notices(id),
                repository.corrections(id), repository.proposals(id).stream().filter(p -> !p.published()).toList(), leadTime,
                statement.scheduledFor() == null ? null : statement.scheduledFor().minus(leadTime));
    }

    public StatementVersion version(Member me, UUID id, int version) {
        visible(me, id);
        return repository.version(id, version).orElseThrow(() -> new NotFoundException("version of statement " + id, version));
    }

    /** A statement in the list: its current title in both languages. */
    public record Summary(Statement statement, String titleFr, String titleEn) {
    }

    /** The statements of the panels the member takes part in (not those of referrals they are recused from). */
    public List<Summary> list(Member me) {
        return repository.ofPanels(panels.panelsOf(me.accountId())).stream()
                .filter(s -> panels.recusal(s.referralId(), me.accountId()).isEmpty())
                .map(s -> {
                    StatementVersion v = repository.version(s.id(), s.currentVersion()).orElseThrow();
                    return new Summary(s, v.fr().title(), v.en().title());
                }).toList();
    }

    /** Decisions to inform the public on the member's panels that have no statement yet. */
    public List<PanelRecords.Undrafted> toDraft(Member me) {
        return panels.undrafted(me.accountId());
    }

    /**
     * The notice as its recipients read it in the app: the approved text, once the notices went, for
     * an account that received one of them — or a participating member. Anyone else: 404.
     */
    public StatementView notice(Member me, UUID id) {
        Statement statement = repository.find(id).orElseThrow(() -> new NotFoundException("statement", id));
        if (statement.noticesSentAt() != null && repository.noticeRecipient(id, me.accountId())) {
            PanelRecords.Decision decision = panels.decision(statement.decisionId()).orElseThrow();
            StatementVersion approved = repository.version(id, statement.approvedVersion()).orElseThrow();
            // only what the notice carried: the approved text and the times, nothing of the panel's workings
            return new StatementView(statement, decision.panelName(), approved, List.of(approved), null, false, List.of(), List.of(),
                    List.of(), leadTime, null);
        }
        return view(me, id);
    }

    // ---- access -----------------------------------------------------------------------------------

    private Statement visible(Member me, UUID id) {
        Statement statement = repository.find(id).orElseThrow(() -> new NotFoundException("statement", id));
        requireParticipant(me, statement.panelId(), statement.referralId(), "statement", id);
        return statement;
    }

    private Statement lockForParticipant(Member me, UUID id) {
        visible(me, id);
        return repository.lock(id).orElseThrow(() -> new NotFoundException("statement", id));
    }

    /** A member of the panel now, not recused from the referral: 404 for a non-member, 403 (with the reason) if recused. */
    private void requireParticipant(Member me, UUID panelId, UUID referralId, String kind, Object id) {
        if (me == null || !panels.isMember(panelId, me.accountId())) {
            throw new NotFoundException(kind, id);
        }
        panels.recusal(referralId, me.accountId()).ifPresent(reason -> {
            throw new ForbiddenException("You are recused from referral " + referralId + " (" + reason + "): you take no part in its "
                    + "statement.");
        });
    }

    // ---- input ------------------------------------------------------------------------------------

    record Checked(StatementText fr, StatementText en, Classification classification) {
    }

    /**
     * Every part of the template in both languages, within its length; the classification's values
     * among those allowed, and an election that exists. The first problem found is a 400 naming the
     * field, e.g. {@code fr.whatHappened}.
     */
    Checked check(StatementDraft draft) {
        if (draft == null) {
            throw new InvalidFieldException("fr", "statements.error.textRequired", "The statement's text is required in French (fr) and English (en).");
        }
        StatementText fr = text("fr", draft.fr());
        StatementText en = text("en", draft.en());
        IncidentType type = null;
        if (draft.incidentType() != null && !draft.incidentType().isBlank()) {
            try {
                type = IncidentType.fromKey(draft.incidentType());
            } catch (IllegalArgumentException e) {
                throw new InvalidFieldException("incidentType", "statements.error.incidentType", "incidentType " + e.getMessage() + ".");
            }
        }
        CyclePhase phase = null;
        if (draft.cyclePhase() != null && !draft.cyclePhase().isBlank()) {
            String name = draft.cyclePhase().strip().toUpperCase(Locale.ROOT).replace('-', '_');
            phase = Arrays.stream(CyclePhase.values()).filter(p -> p.name().equals(name)).findFirst()
                    .orElseThrow(() -> new InvalidFieldException("cyclePhase", "statements.error.cyclePhase", "cyclePhase '" + draft.cyclePhase()
                            + "' is not one of " + Arrays.stream(CyclePhase.values()).map(p -> p.name().toLowerCase(Locale.ROOT).replace('_', '-'))
                            .collect(Collectors.joining(", ")) + "."));
        }
        if (draft.electionId() != null && elections.find(draft.electionId()).isEmpty()) {
            throw new InvalidFieldException("electionId", "statements.error.election", "No election with id " + draft.electionId() + ".");
        }
        return new Checked(fr, en, new Classification(type, phase, draft.electionId()));
    }

    private static StatementText text(String language, StatementText given) {
        String name = "fr".equals(language) ? "French" : "English";
        if (given == null) {
            throw new InvalidFieldException(language, "statements.error.textRequired", "The statement's " + name + " text (" + language
                    + ") is missing: every statement is published in French and English.");
        }
        StatementText text = given.stripped();
        for (Section section : Section.values()) {
            String value = text.get(section);
            String field = language + "." + section.property();
            if (value == null || value.isEmpty()) {
                throw new InvalidFieldException(field, "statements.error.sectionEmpty", field + " is empty: the " + name + " text needs every "
                        + "part of the template (title, what happened, who is affected, what to do, what is being done, how the panel decided).");
            }
            if (value.length() > section.maxLength()) {
                throw new InvalidFieldException(field, "statements.error.sectionTooLong", field + " has " + value.length()
                        + " characters; at most " + section.maxLength() + ".");
            }
            if (section == Section.TITLE && value.contains("\n")) {
                throw new InvalidFieldException(field, "statements.error.titleLines", field + " must be one line.");
            }
        }
        return text;
    }

    private static String required(String field, String value, int max) {
        String v = value == null ? "" : value.replace("\r\n", "\n").strip();
        if (v.isEmpty()) {
            throw new InvalidFieldException(field, "statements.error.correctionEmpty", field + " is empty: a correction is published in "
                    + "French (textFr) and English (textEn).");
        }
        if (v.length() > max) {
            throw new InvalidFieldException(field, "statements.error.correctionTooLong", field + " has " + v.length() + " characters; at most "
                    + max + ".");
        }
        return v;
    }

    /**
     * The public address: the English title in lower-case ASCII words, then the statement id's first
     * eight hex digits so that two statements with the same title never collide.
     */
    static String slug(String title, UUID id) {
        String ascii = Normalizer.normalize(title == null ? "" : title, Normalizer.Form.NFD).replaceAll("\\p{M}", "")
                .toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        if (ascii.length() > 100) {
            ascii = ascii.substring(0, 100).replaceAll("-+[a-z0-9]*$", "");
        }
        String suffix = id.toString().substring(0, 8);
        return ascii.isEmpty() ? "statement-" + suffix : ascii + "-" + suffix;
    }
}

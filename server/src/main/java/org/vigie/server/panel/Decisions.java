package org.vigie.server.panel;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.vigie.core.accounts.Member;
import org.vigie.core.panel.Position;
import org.vigie.core.panel.Tally;
import org.vigie.server.audit.AuditEvent;
import org.vigie.server.audit.AuditTrail;
import org.vigie.server.web.ConflictException;
import org.vigie.server.web.ForbiddenException;
import org.vigie.server.web.InvalidFieldException;
import org.vigie.server.web.NotFoundException;

/**
 * Decisions. Any current member who is not recused records the panel's decision once the rule allows
 * one; the outcome is the rule's, computed from the latest positions of the members who are not
 * recused, never chosen by whoever records it. Dissenters are recorded with their rationale. A
 * decision is never changed: a correction is a new decision naming the one it corrects, with a reason,
 * and the rule applied again (a member recused since, for instance, no longer counts).
 */
@Service
public class Decisions {

    public static final int MAX_RATIONALE = 20_000;
    public static final int MAX_REASON = 4000;

    private final PanelRepository repository;
    private final Panels panels;
    private final Referrals referrals;
    private final AuditTrail audit;
    private final Clock clock;

    Decisions(PanelRepository repository, Panels panels, Referrals referrals, AuditTrail audit, Clock clock) {
        this.repository = repository;
        this.panels = panels;
        this.referrals = referrals;
        this.audit = audit;
        this.clock = clock;
    }

    /** The rule applied to the positions as they are now: the decision page's tally, before and after deciding. */
    public Tally tally(Member reader, UUID referralId) {
        Referral referral = referrals.get(reader, referralId);
        return tally(referral);
    }

    private Tally tally(Referral referral) {
        Panel panel = panels.get(referral.panelId());
        Set<UUID> members = new HashSet<>();
        panels.currentMembers(panel.id()).forEach(m -> members.add(m.accountId()));
        Set<UUID> recused = new HashSet<>();
        referral.recusals().forEach(r -> recused.add(r.accountId()));
        Map<UUID, Position> positions = new HashMap<>();
        repository.latestAssessments(referral.id()).forEach(a -> positions.put(a.accountId(), a.position()));
        return panel.rule().apply(members, recused, positions);
    }

    /**
     * Records the decision on an open referral. Refused with 403 for a recused member, 404 for anyone
     * not on the panel, 409 while the rule is pending (with why) or once decided (correct it instead).
     */
    @Transactional
    public Decision decide(Member member, UUID referralId, DecisionRequest request) {
        Referral referral = lockForDecision(member, referralId);
        if (referral.status() == Referral.Status.DECIDED) {
            throw new ConflictException("status", "panel.decision.taken",
                    "The panel has already decided; a decision is never changed: record a correction instead.");
        }
        if (referral.status() == Referral.Status.WITHDRAWN) {
            throw new ConflictException("status", "panel.referral.closed", "This referral was withdrawn.");
        }
        Instant now = PanelRepository.now(clock);
        Decision decision = build(referral, member, request, now, null, null);
        repository.insertDecision(decision);
        repository.closeReferral(referralId, Referral.Status.DECIDED, now);
        audit.record(AuditEvent.of("panel.decided", Referrals.TARGET, referralId).with("decision", decision.id().toString())
                .with("outcome", decision.outcome().name()).with("rule", decision.rule().kind().name())
                .with("positions", stringKeys(decision.positions())).with("recused", decision.recused().stream().map(UUID::toString).toList())
                .with("dissenters", decision.dissent().stream().map(d -> d.account().toString()).toList()));
        return decision;
    }

    /**
     * Corrects the decision that stands on a referral: a new decision naming it, with the reason. Only
     * the latest decision may be corrected (409 otherwise), by a current member who is not recused.
     */
    @Transactional
    public Decision correct(Member member, UUID decisionId, String reason, DecisionRequest request) {
        Decision corrected = repository.decision(decisionId).orElseThrow(() -> new NotFoundException("decision", decisionId));
        Referral referral = lockForDecision(member, corrected.referralId());
        Decision standing = repository.latestDecision(referral.id()).orElseThrow();
        if (!standing.id().equals(decisionId)) {
            throw new ConflictException("decisionId", "panel.decision.superseded",
                    "This decision has already been corrected by " + standing.id() + "; correct the one that stands.");
        }
        String why = reason == null ? "" : reason.strip();
        if (why.isEmpty()) {
            throw new InvalidFieldException("reason", "panel.decision.correction.reason", "Say what the correction corrects and why.");
        }
        if (why.length() > MAX_REASON) {
            throw new InvalidFieldException("reason", "panel.decision.correction.long", "The reason is longer than " + MAX_REASON + " characters.");
        }
        Instant now = PanelRepository.now(clock);
        Decision decision = build(referral, member, request, now, decisionId, why);
        repository.insertDecision(decision);
        audit.record(AuditEvent.of("panel.decision-corrected", Referrals.TARGET, referral.id()).with("decision", decision.id().toString())
                .with("corrects", decisionId.toString()).with("reason", why).with("outcome", decision.outcome().name())
                .with("previousOutcome", corrected.outcome().name()).with("positions", stringKeys(decision.positions())));
        return decision;
    }

    private Referral lockForDecision(Member member, UUID referralId) {
        Referral referral = repository.lockReferral(referralId).orElseThrow(() -> new NotFoundException("referral", referralId));
        referrals.requireMember(member, referral);
        referral.recusals().stream().filter(r -> r.accountId().equals(member.accountId())).findFirst().ifPresent(r -> {
            throw new ForbiddenException("You are recused from this referral (" + r.reason() + "): you do not record its decision.");
        });
        return referral;
    }

    private Decision build(Referral referral, Member member, DecisionRequest request, Instant now, UUID corrects, String reason) {
        Tally tally = tally(referral);
        if (!tally.decided()) {
            throw new ConflictException("status", "panel.decision.pending", "The rule does not allow a decision yet: " + tally.pendingReason() + ".");
        }
        String rationale = request == null || request.rationale() == null ? "" : request.rationale().strip();
        if (rationale.isEmpty()) {
            throw new InvalidFieldException("rationale", "panel.decision.rationale.required", "Give the panel's rationale.");
        }
        if (rationale.length() > MAX_RATIONALE) {
            throw new InvalidFieldException("rationale", "panel.decision.rationale.long", "The rationale is longer than " + MAX_RATIONALE + " characters.");
        }
        List<Assessment.ResponseChoice> options = Assessments.responseOptions(request.responseOptions(), "responseOptions");
        Map<UUID, Assessment> latest = new HashMap<>();
        repository.latestAssessments(referral.id()).forEach(a -> latest.put(a.accountId(), a));
        List<Decision.Dissent> dissent = new ArrayList<>();
        for (UUID dissenter : tally.dissenters()) {
            Assessment a = latest.get(dissenter);
            dissent.add(new Decision.Dissent(dissenter, tally.counted().get(dissenter), a == null ? "" : a.rationale()));
        }
        List<UUID> recused = referral.recusals().stream().map(Recusal::accountId).sorted().toList();
        List<UUID> eligible = panels.currentMembers(referral.panelId()).stream().map(PanelMember::accountId)
                .filter(a -> !recused.contains(a)).sorted().toList();
        return new Decision(UUID.randomUUID(), referral.id(), tally.outcome(), tally.rule(), eligible, recused, tally.counted(), dissent, options,
                rationale, member.accountId(), now, corrects, reason);
    }

    private static Map<String, String> stringKeys(Map<UUID, Position> positions) {
        Map<String, String> out = new java.util.TreeMap<>();
        positions.forEach((k, v) -> out.put(k.toString(), v.name()));
        return out;
    }

    // ---- reading -------------------------------------------------------------------------------------

    /**
     * The decision that stands on a referral (the latest correction, or the original). No access
     * check: for other modules' services (statements, review) that made their own; pages use
     * {@link #latest(Member, UUID)}.
     */
    public Optional<Decision> latest(UUID referralId) {
        return repository.latestDecision(referralId);
    }

    public Optional<Decision> latest(Member reader, UUID referralId) {
        referrals.get(reader, referralId);
        return repository.latestDecision(referralId);
    }

    /** A decision by id without access check, for other modules' services. */
    public Optional<Decision> find(UUID decisionId) {
        return repository.decision(decisionId);
    }

    /** The original decision and every correction, in order; for the panel's current members. */
    public List<Decision> history(Member reader, UUID referralId) {
        referrals.get(reader, referralId);
        return repository.decisions(referralId);
    }

    /** The same without access check, for other modules' services (the review dossier). */
    public List<Decision> history(UUID referralId) {
        return repository.decisions(referralId);
    }
}

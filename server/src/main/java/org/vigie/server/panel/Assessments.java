package org.vigie.server.panel;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.vigie.core.accounts.Member;
import org.vigie.core.panel.Criterion;
import org.vigie.core.panel.Rating;
import org.vigie.core.panel.ResponseOption;
import org.vigie.server.audit.AuditEvent;
import org.vigie.server.audit.AuditTrail;
import org.vigie.server.web.ConflictException;
import org.vigie.server.web.ForbiddenException;
import org.vigie.server.web.InvalidFieldException;
import org.vigie.server.web.NotFoundException;

/**
 * Members' assessments: the criteria checklist (the three threshold criteria must be answered with a
 * rating and a justification; context criteria when they apply), the responses a member recommends,
 * their position and rationale. Only a current member who is not recused records one, and only while
 * the referral is open; each revision is a new row and the latest counts. Panel members read each
 * other's assessments: they deliberate together.
 */
@Service
public class Assessments {

    public static final int MAX_JUSTIFICATION = 4000;
    public static final int MAX_RATIONALE = 20_000;
    public static final int MAX_NOTE = 2000;

    private final PanelRepository repository;
    private final Referrals referrals;
    private final AuditTrail audit;
    private final Clock clock;

    Assessments(PanelRepository repository, Referrals referrals, AuditTrail audit, Clock clock) {
        this.repository = repository;
        this.referrals = referrals;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public Assessment record(Member member, UUID referralId, AssessmentRequest request) {
        Referral referral = repository.lockReferral(referralId).orElseThrow(() -> new NotFoundException("referral", referralId));
        referrals.requireMember(member, referral);
        referral.recusals().stream().filter(r -> r.accountId().equals(member.accountId())).findFirst().ifPresent(r -> {
            throw new ForbiddenException("You are recused from this referral (" + r.reason() + "): you do not assess it.");
        });
        if (!referral.open()) {
            throw new ConflictException("status", "panel.assessment.closed",
                    "This referral is " + referral.status() + ": assessments are closed" + (referral.status() == Referral.Status.DECIDED
                            ? " (a correction of the decision is the way to change the record)." : "."));
        }
        if (request == null) {
            throw new InvalidFieldException("position", "panel.assessment.position.required", "Take a position: ANNOUNCE, DO_NOT_ANNOUNCE or ABSTAIN.");
        }
        List<Assessment.CriterionAnswer> criteria = criteria(request.criteria());
        List<Assessment.ResponseChoice> options = responseOptions(request.responseOptions(), "responseOptions");
        if (request.position() == null) {
            throw new InvalidFieldException("position", "panel.assessment.position.required", "Take a position: ANNOUNCE, DO_NOT_ANNOUNCE or ABSTAIN.");
        }
        String rationale = request.rationale() == null ? "" : request.rationale().strip();
        if (rationale.isEmpty()) {
            throw new InvalidFieldException("rationale", "panel.assessment.rationale.required", "Explain your position.");
        }
        if (rationale.length() > MAX_RATIONALE) {
            throw new InvalidFieldException("rationale", "panel.assessment.rationale.long", "The rationale is longer than " + MAX_RATIONALE + " characters.");
        }
        Optional<Assessment> previous = repository.latestAssessments(referralId).stream()
                .filter(a -> a.accountId().equals(member.accountId())).findFirst();
        Instant now = PanelRepository.now(clock);
        Assessment assessment = new Assessment(UUID.randomUUID(), referralId, member.accountId(), member.username(), criteria, options,
                request.position(), rationale, now, previous.map(Assessment::id).orElse(null));
        repository.insertAssessment(assessment);
        audit.record(AuditEvent.of("panel.assessed", Referrals.TARGET, referralId).with("assessment", assessment.id().toString())
                .with("account", member.accountId().toString()).with("position", request.position().name())
                .with("supersedes", assessment.supersedes() == null ? null : assessment.supersedes().toString()));
        return assessment;
    }

    /** The checklist in the published order; threshold criteria required, every answer justified unless not applicable. */
    private static List<Assessment.CriterionAnswer> criteria(List<Assessment.CriterionAnswer> answers) {
        List<Assessment.CriterionAnswer> given = answers == null ? List.of() : answers;
        Set<Criterion> seen = EnumSet.noneOf(Criterion.class);
        Assessment.CriterionAnswer[] byCriterion = new Assessment.CriterionAnswer[Criterion.values().length];
        for (int i = 0; i < given.size(); i++) {
            Assessment.CriterionAnswer a = given.get(i);
            String at = "criteria[" + i + "]";
            if (a == null || a.criterion() == null) {
                throw new InvalidFieldException(at + ".criterion", "panel.assessment.criterion.required", "Name the criterion this answer is for.");
            }
            if (!seen.add(a.criterion())) {
                throw new InvalidFieldException(at + ".criterion", "panel.assessment.criterion.repeated", a.criterion() + " is answered twice.");
            }
            if (a.rating() == null) {
                throw new InvalidFieldException(at + ".rating", "panel.assessment.rating.required", "Rate " + a.criterion() + ".");
            }
            if (a.criterion().threshold() && a.rating() == Rating.NOT_APPLICABLE) {
                throw new InvalidFieldException(at + ".rating", "panel.assessment.rating.threshold",
                        a.criterion() + " is a threshold criterion: rate it LOW, MODERATE or HIGH.");
            }
            String justification = a.justification() == null ? "" : a.justification().strip();
            if (justification.isEmpty() && a.rating() != Rating.NOT_APPLICABLE) {
                throw new InvalidFieldException(at + ".justification", "panel.assessment.justification.required", "Justify the rating of " + a.criterion() + ".");
            }
            if (justification.length() > MAX_JUSTIFICATION) {
                throw new InvalidFieldException(at + ".justification", "panel.assessment.justification.long",
                        "The justification of " + a.criterion() + " is longer than " + MAX_JUSTIFICATION + " characters.");
            }
            byCriterion[a.criterion().ordinal()] = new Assessment.CriterionAnswer(a.criterion(), a.rating(), justification);
        }
        for (Criterion c : Criterion.values()) {
            if (c.threshold() && !seen.contains(c)) {
                throw new InvalidFieldException("criteria", "panel.assessment.criterion.missing",
                        "Answer the threshold criterion " + c + " with a rating and a justification.");
            }
        }
        List<Assessment.CriterionAnswer> ordered = new ArrayList<>();
        for (Assessment.CriterionAnswer a : byCriterion) {
            if (a != null) {
                ordered.add(a);
            }
        }
        return ordered;
    }

    /** Response options, each at most once, with an optional note; shared with decisions. */
    static List<Assessment.ResponseChoice> responseOptions(List<Assessment.ResponseChoice> choices, String field) {
        List<Assessment.ResponseChoice> given = choices == null ? List.of() : choices;
        Set<ResponseOption> seen = EnumSet.noneOf(ResponseOption.class);
        List<Assessment.ResponseChoice> clean = new ArrayList<>();
        for (int i = 0; i < given.size(); i++) {
            Assessment.ResponseChoice c = given.get(i);
            String at = field + "[" + i + "]";
            if (c == null || c.option() == null) {
                throw new InvalidFieldException(at + ".option", "panel.response.option.required", "Name the response option.");
            }
            if (!seen.add(c.option())) {
                throw new InvalidFieldException(at + ".option", "panel.response.option.repeated", c.option() + " is named twice.");
            }
            String note = c.note() == null ? "" : c.note().strip();
            if (note.length() > MAX_NOTE) {
                throw new InvalidFieldException(at + ".note", "panel.response.note.long", "The note is longer than " + MAX_NOTE + " characters.");
            }
            clean.add(new Assessment.ResponseChoice(c.option(), note));
        }
        clean.sort(java.util.Comparator.comparing(Assessment.ResponseChoice::option));
        return clean;
    }

    /** Each member's latest assessment; for the panel's current members. */
    public List<Assessment> latest(Member reader, UUID referralId) {
        referrals.get(reader, referralId);
        return repository.latestAssessments(referralId);
    }

    /** Every revision, oldest first; for the panel's current members. */
    public List<Assessment> history(Member reader, UUID referralId) {
        referrals.get(reader, referralId);
        return repository.assessments(referralId);
    }

    /** Every revision without access check, for other modules that made their own (the review dossier). */
    public List<Assessment> allRevisions(UUID referralId) {
        return repository.assessments(referralId);
    }
}

package org.vigie.server.panel;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.vigie.server.audit.AuditEvent;
import org.vigie.server.audit.AuditTrail;

/**
 * Automatic recusal: a member does not take part in a referral whose subjects involve (as owner or
 * target) their own organisation or an organisation they declared an interest in. Applied when a
 * referral is made, and again to open referrals when a member joins or declares an interest. The
 * reason names the organisation and the tie, so the record shows why.
 */
@Component
class Recusals {

    private final PanelRepository repository;
    private final AuditTrail audit;

    Recusals(PanelRepository repository, AuditTrail audit) {
        this.repository = repository;
        this.audit = audit;
    }

    /** Recuses the panel's current members concerned by this referral; answers how many were recused. */
    int applyToReferral(UUID panelId, UUID referralId, List<String> subjects, Instant now) {
        Map<UUID, String> involved = repository.involvedOrganisations(subjects);
        List<Interest> interests = repository.interests(panelId);
        int recused = 0;
        for (PanelMember member : repository.members(panelId)) {
            if (member.current() && recuse(referralId, member, involved, interests, now)) {
                recused++;
            }
        }
        return recused;
    }

    /** Recuses one member from the panel's open referrals that concern them (after joining or declaring). */
    void applyToOpenReferrals(UUID panelId, UUID accountId, Instant now) {
        PanelMember member = repository.member(panelId, accountId).orElseThrow();
        List<Interest> interests = repository.interests(panelId);
        for (Referral open : repository.queue(panelId)) {
            // locked like assessments and decisions, so a decision being taken sees this recusal or precedes it
            Referral referral = repository.lockReferral(open.id()).orElseThrow();
            if (referral.open() && !referral.recused(accountId)) {
                Map<UUID, String> involved = repository.involvedOrganisations(referral.subjects().stream().map(Referral.SubjectRef::id).toList());
                recuse(referral.id(), member, involved, interests, now);
            }
        }
    }

    private boolean recuse(UUID referralId, PanelMember member, Map<UUID, String> involved, List<Interest> interests, Instant now) {
        Optional<Conflict> conflict = conflict(member, involved, interests);
        if (conflict.isEmpty()) {
            return false;
        }
        Conflict c = conflict.get();
        if (repository.insertRecusal(referralId, member.accountId(), c.organisation(), c.reason(), now)) {
            audit.record(AuditEvent.of("panel.recused", Referrals.TARGET, referralId).with("account", member.accountId().toString())
                    .with("organisation", c.organisation().toString()).with("reason", c.reason()).with("automatic", true));
            return true;
        }
        return false;
    }

    record Conflict(UUID organisation, String reason) {
    }

    /** The member's first tie to an involved organisation: their own organisation, then their declarations. */
    Optional<Conflict> conflict(PanelMember member, Map<UUID, String> involved, List<Interest> interests) {
        Map<UUID, String> names = repository.organisationNames(involved.keySet());
        if (member.organisationId() != null && involved.containsKey(member.organisationId())) {
            UUID org = member.organisationId();
            return Optional.of(new Conflict(org, "Member of " + names.getOrDefault(org, org.toString()) + ", "
                    + tie(involved.get(org)) + "."));
        }
        for (Interest interest : interests) {
            if (interest.active() && interest.accountId().equals(member.accountId()) && involved.containsKey(interest.organisationId())) {
                UUID org = interest.organisationId();
                return Optional.of(new Conflict(org, "Declared interest in " + names.getOrDefault(org, org.toString()) + " (" + interest.nature()
                        + "), " + tie(involved.get(org)) + "."));
            }
        }
        return Optional.empty();
    }

    private static String tie(String how) {
        return "target".equals(how) ? "a target of the referred incidents" : "the owner of a referred report or campaign";
    }
}

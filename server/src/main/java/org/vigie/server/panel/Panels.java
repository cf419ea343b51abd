package org.vigie.server.panel;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.vigie.core.accounts.Member;
import org.vigie.core.panel.DecisionRule;
import org.vigie.server.accounts.Account;
import org.vigie.server.accounts.Accounts;
import org.vigie.server.audit.AuditEvent;
import org.vigie.server.audit.AuditTrail;
import org.vigie.server.elections.Elections;
import org.vigie.server.organisations.Organisations;
import org.vigie.server.web.ConflictException;
import org.vigie.server.web.ForbiddenException;
import org.vigie.server.web.InvalidFieldException;
import org.vigie.server.web.NotFoundException;

/**
 * Panels, their members and their declared interests. Platform administrators create and change
 * panels and their membership; a member may declare and withdraw their own interests too. Every
 * signed-in user may list panels (an analyst chooses where to refer); members and interests are shown
 * to the panel's members and platform administrators only.
 */
@Service
public class Panels {

    static final String TARGET = "panel";
    static final int MAX_NAME = 200;
    static final int MAX_MANDATE = 8000;
    static final int MAX_TITLE = 300;
    static final int MAX_NATURE = 500;

    private final PanelRepository repository;
    private final Recusals recusals;
    private final Accounts accounts;
    private final Organisations organisations;
    private final Elections elections;
    private final AuditTrail audit;
    private final Clock clock;

    Panels(PanelRepository repository, Recusals recusals, Accounts accounts, Organisations organisations, Elections elections,
           AuditTrail audit, Clock clock) {
        this.repository = repository;
        this.recusals = recusals;
        this.accounts = accounts;
        this.organisations = organisations;
        this.elections = elections;
        this.audit = audit;
        this.clock = clock;
    }

    // ---- reading -------------------------------------------------------------------------------------

    /** Every panel, for anyone signed in (names, elections and rules are not confidential). */
    public List<Panel> list() {
        return repository.panels();
    }

    /** The panels this account is a current member of. */
    public List<Panel> panelsOf(Member member) {
        return repository.panelsOf(member.accountId());
    }

    public Panel get(UUID id) {
        return repository.panel(id).orElseThrow(() -> new NotFoundException("panel", id));
    }

    /** Whether the member may see the panel's composition and interests: its members and platform administrators. */
    public boolean mayViewComposition(Member member, UUID panelId) {
        return member.platformAdministrator() || isMember(panelId, member.accountId());
    }

    public static boolean mayAdminister(Member member) {
        return member.platformAdministrator();
    }

    /** Whether the account is a current member of the panel. */
    public boolean isMember(UUID panelId, UUID accountId) {
        return repository.member(panelId, accountId).filter(PanelMember::current).isPresent();
    }

    /** Every member ever on the panel, current ones first; for members and platform administrators. */
    public List<PanelMember> members(Member reader, UUID panelId) {
        requireComposition(reader, panelId);
        return repository.members(panelId);
    }

    /** The current members, without any access check: for other modules that publish public titles or count approvals. */
    public List<PanelMember> currentMembers(UUID panelId) {
        return repository.members(panelId).stream().filter(PanelMember::current).toList();
    }

    public List<Interest> interests(Member reader, UUID panelId) {
        requireComposition(reader, panelId);
        return repository.interests(panelId);
    }

    private void requireComposition(Member reader, UUID panelId) {
        get(panelId);
        if (!mayViewComposition(reader, panelId)) {
            throw new ForbiddenException("Only the panel's members and platform administrators see its members and their interests.");
        }
    }

    // ---- panels --------------------------------------------------------------------------------------

    @Transactional
    public Panel create(Member actor, PanelRequest request) {
        requireAdministrator(actor);
        Instant now = PanelRepository.now(clock);
        Panel panel = validated(new Panel(UUID.randomUUID(), null, null, null, null, null, true, actor.accountId(), now, now), request, null);
        repository.insertPanel(panel);
        audit.record(AuditEvent.of("panel.created", TARGET, panel.id()).with("name", panel.name())
                .with("election", panel.electionId() == null ? null : panel.electionId().toString())
                .with("rule", panel.rule().kind().name()).with("quorum", panel.rule().quorum()));
        return panel;
    }

    /** Changes name, election, mandate or rule. A rule change applies to decisions not yet taken. */
    @Transactional
    public Panel update(Member actor, UUID id, PanelRequest request) {
        requireAdministrator(actor);
        Panel current = repository.lockPanel(id).orElseThrow(() -> new NotFoundException("panel", id));
        Panel changed = validated(current, request, id);
        changed = new Panel(changed.id(), changed.name(), changed.electionId(), changed.mandateFr(), changed.mandateEn(), changed.rule(),
                current.active(), current.createdBy(), current.createdAt(), PanelRepository.now(clock));
        repository.updatePanel(changed);
        audit.record(AuditEvent.of("panel.updated", TARGET, id).with("name", changed.name())
                .with("election", changed.electionId() == null ? null : changed.electionId().toString())
                .with("rule", changed.rule().kind().name()).with("quorum", changed.rule().quorum())
                .with("previousRule", current.rule().kind().name()));
        return changed;
    }

    /** An inactive panel takes no new referrals; its record stays. */
    @Transactional
    public Panel setActive(Member actor, UUID id, boolean active) {
        requireAdministrator(actor);
        Panel current = repository.lockPanel(id).orElseThrow(() -> new NotFoundException("panel", id));
        Panel changed = new Panel(current.id(), current.name(), current.electionId(), current.mandateFr(), current.mandateEn(), current.rule(),
                active, current.createdBy(), current.createdAt(), PanelRepository.now(clock));
        repository.updatePanel(changed);
        audit.record(AuditEvent.of(active ? "panel.activated" : "panel.deactivated", TARGET, id));
        return changed;
    }

    private Panel validated(Panel base, PanelRequest request, UUID except) {
        if (request == null) {
            throw new InvalidFieldException("name", "panel.name.required", "Give the panel a name.");
        }
        String name = request.name() == null ? "" : request.name().strip();
        if (name.isEmpty()) {
            throw new InvalidFieldException("name", "panel.name.required", "Give the panel a name.");
        }
        if (name.length() > MAX_NAME) {
            throw new InvalidFieldException("name", "panel.name.long", "The name is longer than " + MAX_NAME + " characters.");
        }
        if (repository.panelNameTaken(name, except)) {
            throw new ConflictException("name", "panel.name.taken", "A panel named '" + name + "' already exists.");
        }
        if (request.electionId() != null && elections.find(request.electionId()).isEmpty()) {
            throw new InvalidFieldException("electionId", "panel.election.unknown", "No election " + request.electionId() + ".");
        }
        String fr = request.mandateFr() == null ? "" : request.mandateFr().strip();
        String en = request.mandateEn() == null ? "" : request.mandateEn().strip();
        if (fr.length() > MAX_MANDATE) {
            throw new InvalidFieldException("mandateFr", "panel.mandate.long", "The French mandate is longer than " + MAX_MANDATE + " characters.");
        }
        if (en.length() > MAX_MANDATE) {
            throw new InvalidFieldException("mandateEn", "panel.mandate.long", "The English mandate is longer than " + MAX_MANDATE + " characters.");
        }
        DecisionRule.Kind kind = request.rule() == null ? DecisionRule.Kind.CONSENSUS : request.rule();
        DecisionRule rule;
        if (kind == DecisionRule.Kind.QUORUM) {
            if (request.quorum() == null || request.quorum() < 1 || request.quorum() > 50) {
                throw new InvalidFieldException("quorum", "panel.quorum.range", "A quorum rule needs a quorum between 1 and 50.");
            }
            rule = DecisionRule.quorum(request.quorum());
        } else {
            if (request.quorum() != null) {
                throw new InvalidFieldException("quorum", "panel.quorum.consensus", "A consensus rule has no quorum: every member who is not recused decides.");
            }
            rule = DecisionRule.consensus();
        }
        return new Panel(base.id(), name, request.electionId(), fr, en, rule, base.active(), base.createdBy(), base.createdAt(), base.updatedAt());
    }

    // ---- members -------------------------------------------------------------------------------------

    /**
     * Adds an account (or re-adds a former member) with its public title. The new member is recused at
     * once from open referrals that involve their own organisation.
     */
    @Transactional
    public PanelMember addMember(Member actor, UUID panelId, MemberRequest request) {
        requireAdministrator(actor);
        repository.lockPanel(panelId).orElseThrow(() -> new NotFoundException("panel", panelId));
        if (request == null || request.accountId() == null) {
            throw new InvalidFieldException("accountId", "panel.member.account.required", "Name the account to add.");
        }
        Optional<Account> account = accounts.exists(request.accountId())
                ? Optional.of(accounts.visible(actor, request.accountId())) : Optional.empty();
        if (account.isEmpty()) {
            throw new InvalidFieldException("accountId", "panel.member.account.unknown", "No account " + request.accountId() + ".");
        }
        if (isMember(panelId, request.accountId())) {
            throw new ConflictException("accountId", "panel.member.already", account.get().username() + " is already a member of this panel.");
        }
        String title = title(request.publicTitle());
        PanelMember.Role role = request.role() == null ? PanelMember.Role.MEMBER : request.role();
        Instant now = PanelRepository.now(clock);
        repository.insertMember(panelId, request.accountId(), role, title, now);
        audit.record(AuditEvent.of("panel.member-added", TARGET, panelId).with("account", request.accountId().toString())
                .with("username", account.get().username()).with("role", role.name()).with("publicTitle", title));
        recusals.applyToOpenReferrals(panelId, request.accountId(), now);
        return repository.member(panelId, request.accountId()).orElseThrow();
    }

    @Transactional
    public PanelMember updateMember(Member actor, UUID panelId, UUID accountId, PanelMember.Role role, String publicTitle) {
        requireAdministrator(actor);
        PanelMember member = repository.member(panelId, accountId).filter(PanelMember::current)
                .orElseThrow(() -> new NotFoundException("panel member", accountId));
        String title = title(publicTitle);
        PanelMember.Role r = role == null ? member.role() : role;
        repository.updateMember(panelId, accountId, r, title);
        audit.record(AuditEvent.of("panel.member-changed", TARGET, panelId).with("account", accountId.toString())
                .with("role", r.name()).with("publicTitle", title));
        return repository.member(panelId, accountId).orElseThrow();
    }

    /** Ends a membership; what the member recorded stays in the record. */
    @Transactional
    public void removeMember(Member actor, UUID panelId, UUID accountId) {
        requireAdministrator(actor);
        repository.lockPanel(panelId).orElseThrow(() -> new NotFoundException("panel", panelId));
        repository.member(panelId, accountId).filter(PanelMember::current).orElseThrow(() -> new NotFoundException("panel member", accountId));
        repository.removeMember(panelId, accountId, PanelRepository.now(clock));
        audit.record(AuditEvent.of("panel.member-removed", TARGET, panelId).with("account", accountId.toString()));
    }

    private static String title(String publicTitle) {
        String title = publicTitle == null ? "" : publicTitle.strip();
        if (title.length() > MAX_TITLE) {
            throw new InvalidFieldException("publicTitle", "panel.member.title.long", "The public title is longer than " + MAX_TITLE + " characters.");
        }
        return title;
    }

    // ---- interests -----------------------------------------------------------------------------------

    /**
     * Records a member's declared tie to an organisation: by the member themself or a platform
     * administrator. The member is recused at once from open referrals that involve it.
     */
    @Transactional
    public Interest declareInterest(Member actor, UUID panelId, UUID accountId, InterestRequest request) {
        repository.lockPanel(panelId).orElseThrow(() -> new NotFoundException("panel", panelId));
        if (!actor.platformAdministrator() && !actor.accountId().equals(accountId)) {
            throw new ForbiddenException("Members declare their own interests; platform administrators may record them for a member.");
        }
        if (!isMember(panelId, accountId)) {
            throw new NotFoundException("panel member", accountId);
        }
        if (request == null || request.organisationId() == null) {
            throw new InvalidFieldException("organisationId", "panel.interest.organisation.required", "Name the organisation.");
        }
        if (organisations.find(request.organisationId()).isEmpty()) {
            throw new InvalidFieldException("organisationId", "panel.interest.organisation.unknown", "No organisation " + request.organisationId() + ".");
        }
        String nature = request.nature() == null ? "" : request.nature().strip();
        if (nature.isEmpty()) {
            throw new InvalidFieldException("nature", "panel.interest.nature.required", "Say what the tie is (member, employee, board seat, ...).");
        }
        if (nature.length() > MAX_NATURE) {
            throw new InvalidFieldException("nature", "panel.interest.nature.long", "The nature is longer than " + MAX_NATURE + " characters.");
        }
        Instant now = PanelRepository.now(clock);
        Interest interest = new Interest(UUID.randomUUID(), panelId, accountId, request.organisationId(), null, nature, now, null);
        repository.insertInterest(interest);
        audit.record(AuditEvent.of("panel.interest-declared", TARGET, panelId).with("interest", interest.id().toString())
                .with("account", accountId.toString()).with("organisation", request.organisationId().toString()).with("nature", nature));
        recusals.applyToOpenReferrals(panelId, accountId, now);
        return repository.interest(interest.id()).orElseThrow();
    }

    /** Withdraws a declaration for referrals to come; recusals already recorded stay. */
    @Transactional
    public Interest withdrawInterest(Member actor, UUID interestId) {
        Interest interest = repository.interest(interestId).orElseThrow(() -> new NotFoundException("interest", interestId));
        if (!actor.platformAdministrator() && !actor.accountId().equals(interest.accountId())) {
            throw new ForbiddenException("Members withdraw their own declarations; platform administrators may for a member.");
        }
        if (!interest.active()) {
            throw new ConflictException("interest", "panel.interest.withdrawn", "This declaration was already withdrawn.");
        }
        repository.withdrawInterest(interestId, PanelRepository.now(clock));
        audit.record(AuditEvent.of("panel.interest-withdrawn", TARGET, interest.panelId()).with("interest", interestId.toString())
                .with("account", interest.accountId().toString()));
        return repository.interest(interestId).orElseThrow();
    }

    private static void requireAdministrator(Member actor) {
        if (!mayAdminister(actor)) {
            throw new ForbiddenException("Only platform administrators create panels and change their membership.");
        }
    }
}

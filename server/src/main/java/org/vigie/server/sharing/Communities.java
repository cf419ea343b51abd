package org.vigie.server.sharing;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.vigie.core.accounts.Member;
import org.vigie.core.accounts.Permission;
import org.vigie.core.accounts.Permissions;
import org.vigie.server.audit.AuditEvent;
import org.vigie.server.audit.AuditTrail;
import org.vigie.server.organisations.Organisation;
import org.vigie.server.organisations.Organisations;
import org.vigie.server.web.ConflictException;
import org.vigie.server.web.ForbiddenException;
import org.vigie.server.web.InvalidFieldException;
import org.vigie.server.web.NotFoundException;

/**
 * Communities: groups of organisations that share under a charter of sharing objectives. Who takes
 * part in which community, and the charters, are known to every signed-in member; what is shared
 * with a community reaches only the member organisations that accepted its current charter
 * ({@link #activeCommunitiesOf}). Acceptance is the organisation's own act, given by one of its
 * administrators; a change of the charter is a new version that every member must accept again.
 *
 * <p>Other modules call {@link #activeCommunitiesOf} and {@link #find}; the rest is for this
 * module's pages and API.
 */
@Service
public class Communities {

    static final String TARGET = "community";
    static final int MAX_NAME = 200;
    static final int MAX_PURPOSE = 4000;

    private final CommunityRepository repository;
    private final Organisations organisations;
    private final AuditTrail audit;
    private final Clock clock;

    Communities(CommunityRepository repository, Organisations organisations, AuditTrail audit, Clock clock) {
        this.repository = repository;
        this.organisations = organisations;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * The communities whose shared content this organisation takes part in: those where it is a
     * member and has accepted the current charter. One indexed query, meant to be asked on every read.
     *
     * @param organisationId the reader's organisation, or null (a platform administrator without one: none)
     */
    public Set<UUID> activeCommunitiesOf(UUID organisationId) {
        return organisationId == null ? Set.of() : Set.copyOf(repository.activeCommunitiesOf(organisationId));
    }

    /** Whether this organisation is a member of the community (whatever its charter acceptance). */
    public boolean isMember(UUID communityId, UUID organisationId) {
        return organisationId != null && repository.member(communityId, organisationId).isPresent();
    }

    public Optional<Community> find(UUID id) {
        return repository.findById(id);
    }

    Community get(UUID id) {
        return repository.findById(id).orElseThrow(() -> new NotFoundException("community", id));
    }

    /** Every community, with where the reader's organisation stands in each. */
    public List<CommunitySummary> all(Member reader) {
        return repository.summaries(reader == null ? null : reader.organisationId());
    }

    public List<Membership> members(UUID id) {
        get(id);
        return repository.members(id);
    }

    Membership member(UUID id, UUID organisationId) {
        get(id);
        return repository.member(id, organisationId).orElseThrow(() -> new NotFoundException("member organisation", organisationId));
    }

    List<CommunityAdministrator> administrators(UUID id) {
        get(id);
        return repository.administrators(id);
    }

    CommunityAdministrator administrator(UUID id, UUID accountId) {
        get(id);
        return repository.administrator(id, accountId).orElseThrow(() -> new NotFoundException("community administrator", accountId));
    }

    /** Organisations that could be added: all those not yet members, by name. */
    List<Organisation> organisationsToAdd(UUID id) {
        Set<UUID> members = repository.members(id).stream().map(Membership::organisationId).collect(Collectors.toSet());
        return organisations.all().stream().filter(o -> !members.contains(o.id())).toList();
    }

    /** Accounts that could be appointed administrators: enabled accounts of member organisations not already appointed. */
    List<AccountOption> administratorCandidates(UUID id) {
        return repository.administratorCandidates(id);
    }

    boolean mayCreate(Member actor) {
        return Permissions.allows(actor, Permission.COMMUNITY_CREATE);
    }

    public boolean mayAdminister(Member actor, UUID id) {
        return actor != null
                && Permissions.allowsOnCommunity(actor, Permission.COMMUNITY_ADMINISTER, repository.isAdministrator(id, actor.accountId()));
    }

    /** Whether this member may accept the charter for their organisation: one of its administrators, and it is a member. */
    boolean mayAccept(Member actor, UUID id) {
        return actor != null && Permissions.allows(actor, Permission.COMMUNITY_CHARTER_ACCEPT, actor.organisationId())
                && repository.member(id, actor.organisationId()).isPresent();
    }

    /**
     * Creates a community. When an organisation's administrator creates it, their organisation is its
     * first member, having accepted the charter, and they are its first administrator.
     */
    @Transactional
    public Community create(Member actor, CommunityChanges request) {
        if (!mayCreate(actor)) {
            throw new ForbiddenException("Only platform administrators and organisations' administrators create communities.");
        }
        String name = name(request.name());
        ensureNameFree(name, null);
        Charter charter = charter(request.charter());
        Instant now = clock.instant();
        Community created = new Community(UUID.randomUUID(), name, purpose(request.purpose()), charter, 1, now, now, now);
        repository.insert(created);
        audit.record(AuditEvent.of("community.created", TARGET, created.id())
                .with("name", created.name())
                .with("purpose", created.purpose())
                .with("charterVersion", created.charterVersion())
                .with("charter", created.charter()));
        if (actor.administers(actor.organisationId())) {
            UUID organisation = actor.organisationId();
            repository.insertMember(created.id(), organisation, now, actor.accountId());
            audit.record(AuditEvent.of("community.member-added", TARGET, created.id()).with("organisationId", organisation));
            repository.recordAcceptance(created.id(), organisation, created.charterVersion(), now, actor.accountId());
            audit.record(AuditEvent.of("community.charter-accepted", TARGET, created.id())
                    .with("organisationId", organisation).with("charterVersion", created.charterVersion()));
            repository.insertAdministrator(created.id(), actor.accountId(), now, actor.accountId());
            audit.record(AuditEvent.of("community.administrator-appointed", TARGET, created.id())
                    .with("accountId", actor.accountId()).with("organisationId", organisation));
        }
        return created;
    }

    /**
     * Changes name, purpose or charter; absent ones stay. A different charter is a new version:
     * every member's acceptance then concerns an older text, so none takes part until it accepts again.
     */
    @Transactional
    Community update(Member actor, UUID id, CommunityChanges changes) {
        Community current = repository.lock(id).orElseThrow(() -> new NotFoundException("community", id));
        ensureMayAdminister(actor, id);
        String name = changes.name() == null ? current.name() : name(changes.name());
        if (!name.equalsIgnoreCase(current.name())) {
            ensureNameFree(name, id);
        }
        String purpose = changes.purpose() == null ? current.purpose() : purpose(changes.purpose());
        Charter charter = changes.charter() == null ? current.charter() : charter(changes.charter());
        boolean charterChanged = !charter.equals(current.charter());
        Instant now = clock.instant();
        Community updated = new Community(id, name, purpose, charter,
                charterChanged ? current.charterVersion() + 1 : current.charterVersion(),
                charterChanged ? now : current.charterChangedAt(), current.createdAt(), now);
        Map<String, Object> changed = new LinkedHashMap<>();
        if (!name.equals(current.name())) {
            changed.put("name", name);
        }
        if (!purpose.equals(current.purpose())) {
            changed.put("purpose", purpose);
        }
        if (changed.isEmpty() && !charterChanged) {
            return current;
        }
        repository.update(updated);
        if (!changed.isEmpty()) {
            AuditEvent event = AuditEvent.of("community.updated", TARGET, id);
            for (Map.Entry<String, Object> change : changed.entrySet()) {
                event = event.with(change.getKey(), change.getValue());
            }
            audit.record(event);
        }
        if (charterChanged) {
            audit.record(AuditEvent.of("community.charter-changed", TARGET, id)
                    .with("charterVersion", updated.charterVersion())
                    .with("charter", updated.charter()));
        }
        return updated;
    }

    @Transactional
    public Membership addMember(Member actor, UUID id, UUID organisationId) {
        get(id);
        ensureMayAdminister(actor, id);
        if (organisationId == null) {
            throw new InvalidFieldException("organisationId", "community.member.required", "Name the organisation to add.");
        }
        if (organisations.find(organisationId).isEmpty()) {
            throw new InvalidFieldException("organisationId", "community.member.unknown", "No organisation with id " + organisationId + ".");
        }
        if (repository.member(id, organisationId).isPresent()) {
            throw new ConflictException("organisationId", "community.member.already", "This organisation is already a member of the community.");
        }
        repository.insertMember(id, organisationId, clock.instant(), actor.accountId());
        audit.record(AuditEvent.of("community.member-added", TARGET, id).with("organisationId", organisationId));
        return repository.member(id, organisationId).orElseThrow();
    }

    /** Removes a member organisation; its accounts stop being administrators of the community. */
    @Transactional
    void removeMember(Member actor, UUID id, UUID organisationId) {
        get(id);
        ensureMayAdminister(actor, id);
        if (repository.member(id, organisationId).isEmpty()) {
            throw new NotFoundException("member organisation", organisationId);
        }
        List<UUID> withdrawn = repository.deleteAdministratorsOf(id, organisationId);
        repository.deleteMember(id, organisationId);
        AuditEvent event = AuditEvent.of("community.member-removed", TARGET, id).with("organisationId", organisationId);
        if (!withdrawn.isEmpty()) {
            event = event.with("administratorsWithdrawn", withdrawn.stream().map(UUID::toString).toList());
        }
        audit.record(event);
    }

    /**
     * The actor's organisation accepts the community's current charter. Accepting again a version
     * already accepted changes nothing.
     *
     * @param version the version the actor read, or null for "the current one"; a charter changed
     *                since is not accepted on their behalf (409)
     */
    @Transactional
    Membership acceptCharter(Member actor, UUID id, Integer version) {
        Community community = repository.lock(id).orElseThrow(() -> new NotFoundException("community", id));
        if (actor == null || !Permissions.allows(actor, Permission.COMMUNITY_CHARTER_ACCEPT, actor.organisationId())) {
            throw new ForbiddenException("Only an administrator of a member organisation accepts the charter, on behalf of that organisation.");
        }
        UUID organisation = actor.organisationId();
        Membership membership = repository.member(id, organisation).orElseThrow(() -> new ForbiddenException(
                "Your organisation is not a member of this community: a community administrator must add it before it can accept the charter."));
        if (version != null && version != community.charterVersion()) {
            throw new ConflictException("charterVersion", "community.charter.changed",
                    "The charter is now at version " + community.charterVersion() + ", not " + version + ": read it again before accepting.");
        }
        if (membership.accepted()) {
            return membership;
        }
        repository.recordAcceptance(id, organisation, community.charterVersion(), clock.instant(), actor.accountId());
        audit.record(AuditEvent.of("community.charter-accepted", TARGET, id)
                .with("organisationId", organisation).with("charterVersion", community.charterVersion()));
        return repository.member(id, organisation).orElseThrow();
    }

    /** Appoints an account of a member organisation to run the community with its other administrators. */
    @Transactional
    CommunityAdministrator appointAdministrator(Member actor, UUID id, UUID accountId) {
        get(id);
        ensureMayAdminister(actor, id);
        if (accountId == null) {
            throw new InvalidFieldException("accountId", "community.administrator.required", "Name the account to appoint.");
        }
        AccountOption account = repository.account(accountId).orElseThrow(() -> new InvalidFieldException("accountId", "community.administrator.unknown", "No account with id " + accountId + "."));
        if (account.organisationId() == null || repository.member(id, account.organisationId()).isEmpty()) {
            throw new InvalidFieldException("accountId", "community.administrator.notMember",
                    "A community administrator must belong to one of the community's member organisations.");
        }
        if (repository.isAdministrator(id, accountId)) {
            throw new ConflictException("accountId", "community.administrator.already", "This account is already an administrator of the community.");
        }
        repository.insertAdministrator(id, accountId, clock.instant(), actor.accountId());
        audit.record(AuditEvent.of("community.administrator-appointed", TARGET, id)
                .with("accountId", accountId).with("organisationId", account.organisationId()));
        return repository.administrator(id, accountId).orElseThrow();
    }

    @Transactional
    void removeAdministrator(Member actor, UUID id, UUID accountId) {
        get(id);
        ensureMayAdminister(actor, id);
        if (!repository.isAdministrator(id, accountId)) {
            throw new NotFoundException("community administrator", accountId);
        }
        repository.deleteAdministrator(id, accountId);
        audit.record(AuditEvent.of("community.administrator-removed", TARGET, id).with("accountId", accountId));
    }

    private void ensureMayAdminister(Member actor, UUID id) {
        if (!mayAdminister(actor, id)) {
            throw new ForbiddenException("Only this community's administrators and platform administrators run it.");
        }
    }

    private void ensureNameFree(String name, UUID except) {
        repository.findIdByName(name).filter(existing -> !existing.equals(except)).ifPresent(existing -> {
            throw new ConflictException("name", "community.name.taken", "A community named '" + name + "' already exists.");
        });
    }

    private static String name(String name) {
        String trimmed = name == null ? "" : name.strip();
        if (trimmed.isEmpty()) {
            throw new InvalidFieldException("name", "community.name.required", "A community needs a name.");
        }
        if (trimmed.length() > MAX_NAME) {
            throw new InvalidFieldException("name", "community.name.tooLong", "The name is too long (" + MAX_NAME + " characters at most).");
        }
        return trimmed;
    }

    private static String purpose(String purpose) {
        String trimmed = purpose == null ? "" : purpose.strip();
        if (trimmed.length() > MAX_PURPOSE) {
            throw new InvalidFieldException("purpose", "community.purpose.tooLong",
                    "The purpose is too long (" + MAX_PURPOSE + " characters at most).");
        }
        return trimmed;
    }

    /** The charter as stored, or the first problem found in it, naming its field from the request's root ({@code charter.…}). */
    private static Charter charter(Charter requested) {
        if (requested == null) {
            throw new InvalidFieldException("charter", "community.charter.required", "A community needs a charter.");
        }
        Charter charter = requested.normalised();
        CharterRules.check(charter).stream().findFirst().ifPresent(problem -> {
            throw new InvalidFieldException(problem.field().isEmpty() ? "charter" : "charter." + problem.field(),
                    problem.messageKey(), problem.detail());
        });
        return charter;
    }
}

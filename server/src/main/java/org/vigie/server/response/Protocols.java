package org.vigie.server.response;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.vigie.core.accounts.Member;
import org.vigie.core.accounts.OrganisationRole;
import org.vigie.core.reports.IncidentType;
import org.vigie.core.response.Severity;
import org.vigie.core.response.SubjectFacts;
import org.vigie.core.response.Trigger;
import org.vigie.core.taxonomy.TargetCategory;
import org.vigie.server.audit.AuditEvent;
import org.vigie.server.audit.AuditTrail;
import org.vigie.server.sharing.Communities;
import org.vigie.server.sharing.Membership;
import org.vigie.server.web.ConflictException;
import org.vigie.server.web.ForbiddenException;
import org.vigie.server.web.InvalidFieldException;
import org.vigie.server.web.NotFoundException;

/**
 * A community's response protocols: defined and changed by the community's administrators (and
 * platform administrators, who run communities), read by the community's member organisations.
 * Every change is audited. Validation answers the first problem, naming its field from the
 * request's root ({@code levels[1].organisations[0]}).
 */
@Service
public class Protocols {

    static final String TARGET = "response-protocol";
    static final int MAX_NAME = 200;
    static final int MAX_DESCRIPTION = 4000;
    static final int MAX_LEVELS = 10;
    static final int MAX_STEPS = 50;
    static final int MAX_STEP = 500;
    static final int MAX_MINUTES = 7 * 24 * 60;

    private final ProtocolRepository repository;
    private final Communities communities;
    private final AuditTrail audit;
    private final Clock clock;

    Protocols(ProtocolRepository repository, Communities communities, AuditTrail audit, Clock clock) {
        this.repository = repository;
        this.communities = communities;
        this.audit = audit;
        this.clock = clock;
    }

    /** Whether the member may define and change the community's protocols. */
    public boolean mayManage(Member member, UUID communityId) {
        return communities.mayAdminister(member, communityId);
    }

    /** Whether the member may read the community's protocols: its member organisations and those who run it. */
    public boolean mayRead(Member member, UUID communityId) {
        return mayManage(member, communityId) || communities.isMember(communityId, member.organisationId());
    }

    public List<Protocol> list(Member reader, UUID communityId) {
        ensureCommunity(communityId);
        if (!mayRead(reader, communityId)) {
            throw new ForbiddenException("Only the community's member organisations and administrators read its response protocols.");
        }
        return repository.ofCommunity(communityId);
    }

    public Protocol get(Member reader, UUID communityId, UUID id) {
        Protocol protocol = repository.find(id).filter(p -> p.communityId().equals(communityId))
                .orElseThrow(() -> new NotFoundException("response protocol", id));
        if (!mayRead(reader, communityId)) {
            throw new NotFoundException("response protocol", id);
        }
        return protocol;
    }

    /** For activation and boards: the protocol whatever the reader (the caller checks who acts). */
    Protocol find(UUID id) {
        return repository.find(id).orElseThrow(() -> new NotFoundException("response protocol", id));
    }

    @Transactional
    public Protocol create(Member actor, UUID communityId, ProtocolRequest request) {
        ensureCommunity(communityId);
        ensureMayManage(actor, communityId);
        Instant now = clock.instant();
        Protocol checked = check(request, communityId, UUID.randomUUID(), actor.accountId(), now, now);
        repository.idByName(communityId, checked.name()).ifPresent(existing -> {
            throw new ConflictException("name", "response.protocol.name.taken", "This community already has a protocol named '" + checked.name() + "'.");
        });
        repository.insert(checked);
        audit.record(describe(AuditEvent.of("response.protocol-created", TARGET, checked.id()), checked));
        return checked;
    }

    @Transactional
    public Protocol update(Member actor, UUID communityId, UUID id, ProtocolRequest request) {
        Protocol current = get(actor, communityId, id);
        ensureMayManage(actor, communityId);
        Protocol checked = check(request, communityId, id, current.createdBy(), current.createdAt(), clock.instant());
        repository.idByName(communityId, checked.name()).filter(other -> !other.equals(id)).ifPresent(existing -> {
            throw new ConflictException("name", "response.protocol.name.taken", "This community already has a protocol named '" + checked.name() + "'.");
        });
        repository.update(checked);
        audit.record(describe(AuditEvent.of("response.protocol-updated", TARGET, id), checked));
        return checked;
    }

    /** Deletes a protocol never activated; one with boards is deactivated instead (its boards are the record). */
    @Transactional
    public void delete(Member actor, UUID communityId, UUID id) {
        Protocol current = get(actor, communityId, id);
        ensureMayManage(actor, communityId);
        if (repository.hasBoards(id)) {
            repository.update(new Protocol(id, communityId, current.name(), current.description(), current.trigger(), current.levels(),
                    false, current.createdBy(), current.createdAt(), clock.instant()));
            audit.record(AuditEvent.of("response.protocol-deactivated", TARGET, id).with("name", current.name()));
        } else {
            repository.delete(id);
            audit.record(AuditEvent.of("response.protocol-deleted", TARGET, id).with("name", current.name()));
        }
    }

    /** The active protocols of the communities the member's organisation takes part in whose trigger matches. */
    public List<Protocol> matching(Member member, SubjectFacts facts) {
        return activatable(member).stream().filter(p -> p.trigger().matches(facts)).toList();
    }

    /** The active protocols the member's organisation may activate: those of communities whose charter it accepted. */
    public List<Protocol> activatable(Member member) {
        return repository.activeOf(communities.activeCommunitiesOf(member.organisationId()));
    }

    private void ensureCommunity(UUID communityId) {
        communities.find(communityId).orElseThrow(() -> new NotFoundException("community", communityId));
    }

    private void ensureMayManage(Member actor, UUID communityId) {
        if (!mayManage(actor, communityId)) {
            throw new ForbiddenException("Only this community's administrators define its response protocols.");
        }
    }

    private static AuditEvent describe(AuditEvent event, Protocol p) {
        return event.with("communityId", p.communityId()).with("name", p.name()).with("active", p.active())
                .with("incidentTypes", p.trigger().types().stream().map(Enum::name).sorted().toList())
                .with("minSeverity", p.trigger().minSeverity() == null ? "" : p.trigger().minSeverity().name())
                .with("targetCategories", p.trigger().targetCategories().stream().map(Enum::name).sorted().toList())
                .with("levels", p.levels().stream().map(l -> l.name() + " (" + l.organisations().size() + " organisations, "
                        + l.acknowledgeWithin() + ")").toList());
    }

    // ---- validation ------------------------------------------------------------------------------

    private Protocol check(ProtocolRequest r, UUID communityId, UUID id, UUID createdBy, Instant createdAt, Instant now) {
        if (r == null) {
            throw new InvalidFieldException("name", "response.protocol.name.required", "A protocol needs a name.");
        }
        String name = r.name() == null ? "" : r.name().strip();
        if (name.isEmpty()) {
            throw new InvalidFieldException("name", "response.protocol.name.required", "A protocol needs a name.");
        }
        if (name.length() > MAX_NAME) {
            throw new InvalidFieldException("name", "response.protocol.name.tooLong", "The name is too long (" + MAX_NAME + " characters at most).");
        }
        String description = r.description() == null ? "" : r.description().strip();
        if (description.length() > MAX_DESCRIPTION) {
            throw new InvalidFieldException("description", "response.protocol.description.tooLong",
                    "The description is too long (" + MAX_DESCRIPTION + " characters at most).");
        }
        Set<IncidentType> types = parseAll(r.incidentTypes(), "incidentTypes", IncidentType::fromKey, EnumSet.noneOf(IncidentType.class));
        Severity severity = null;
        if (r.minSeverity() != null && !r.minSeverity().isBlank()) {
            try {
                severity = Severity.valueOf(r.minSeverity().strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new InvalidFieldException("minSeverity", "response.protocol.severity.unknown",
                        "'" + r.minSeverity() + "' is not one of LOW, MODERATE, HIGH, CRITICAL.");
            }
        }
        Set<TargetCategory> categories = parseAll(r.targetCategories(), "targetCategories",
                v -> TargetCategory.valueOf(v.strip().toUpperCase(Locale.ROOT).replace('-', '_')), EnumSet.noneOf(TargetCategory.class));
        if (r.levels() == null || r.levels().isEmpty()) {
            throw new InvalidFieldException("levels", "response.protocol.levels.required", "A protocol needs at least one escalation level.");
        }
        if (r.levels().size() > MAX_LEVELS) {
            throw new InvalidFieldException("levels", "response.protocol.levels.tooMany", "A protocol has at most " + MAX_LEVELS + " levels.");
        }
        Set<UUID> members = communities.members(communityId).stream().map(Membership::organisationId).collect(Collectors.toSet());
        List<Protocol.Level> levels = new ArrayList<>();
        for (int i = 0; i < r.levels().size(); i++) {
            levels.add(level(r.levels().get(i), "levels[" + i + "]", members));
        }
        boolean active = r.active() == null || r.active();
        return new Protocol(id, communityId, name, description, new Trigger(types, severity, categories), levels, active, createdBy, createdAt, now);
    }

    private static Protocol.Level level(ProtocolRequest.LevelRequest l, String at, Set<UUID> members) {
        if (l == null) {
            throw new InvalidFieldException(at, "response.protocol.level.required", "A level cannot be empty.");
        }
        String name = l.name() == null ? "" : l.name().strip();
        if (name.isEmpty()) {
            throw new InvalidFieldException(at + ".name", "response.protocol.level.name.required", "Each level needs a name (e.g. national cell).");
        }
        if (name.length() > MAX_NAME) {
            throw new InvalidFieldException(at + ".name", "response.protocol.level.name.tooLong", "The level's name is too long.");
        }
        if (l.organisations() == null || l.organisations().isEmpty()) {
            throw new InvalidFieldException(at + ".organisations", "response.protocol.level.organisations.required",
                    "Each level alerts at least one organisation.");
        }
        Set<UUID> organisations = new LinkedHashSet<>();
        for (int j = 0; j < l.organisations().size(); j++) {
            UUID org = l.organisations().get(j);
            if (org == null || !members.contains(org)) {
                throw new InvalidFieldException(at + ".organisations[" + j + "]", "response.protocol.level.organisation.notMember",
                        "Organisation " + org + " is not a member of this community.");
            }
            organisations.add(org);
        }
        Set<OrganisationRole> roles = parseAll(l.roles(), at + ".roles",
                v -> OrganisationRole.valueOf(v.strip().toUpperCase(Locale.ROOT)), EnumSet.noneOf(OrganisationRole.class));
        if (roles.isEmpty()) {
            roles = EnumSet.allOf(OrganisationRole.class);
        }
        List<String> checklist = new ArrayList<>();
        if (l.checklist() != null) {
            for (int j = 0; j < l.checklist().size(); j++) {
                String step = l.checklist().get(j) == null ? "" : l.checklist().get(j).strip();
                if (step.length() > MAX_STEP) {
                    throw new InvalidFieldException(at + ".checklist[" + j + "]", "response.protocol.level.step.tooLong",
                            "A checklist step is at most " + MAX_STEP + " characters.");
                }
                if (!step.isEmpty()) {
                    checklist.add(step);
                }
            }
        }
        if (checklist.size() > MAX_STEPS) {
            throw new InvalidFieldException(at + ".checklist", "response.protocol.level.steps.tooMany", "A level has at most " + MAX_STEPS + " steps.");
        }
        Integer minutes = l.acknowledgeWithinMinutes();
        if (minutes == null || minutes < 1 || minutes > MAX_MINUTES) {
            throw new InvalidFieldException(at + ".acknowledgeWithinMinutes", "response.protocol.level.deadline.invalid",
                    "The acknowledgement deadline is a number of minutes from 1 to " + MAX_MINUTES + ".");
        }
        return new Protocol.Level(name, List.copyOf(organisations), roles, checklist, Duration.ofMinutes(minutes));
    }

    private static <E extends Enum<E>> Set<E> parseAll(List<String> values, String field, Function<String, E> parse, Set<E> into) {
        if (values == null) {
            return into;
        }
        for (int i = 0; i < values.size(); i++) {
            String v = values.get(i);
            if (v == null || v.isBlank()) {
                continue;
            }
            try {
                into.add(parse.apply(v));
            } catch (IllegalArgumentException e) {
                throw new InvalidFieldException(field + "[" + i + "]", "response.protocol.value.unknown", "Unknown value '" + v + "'.");
            }
        }
        return into;
    }
}

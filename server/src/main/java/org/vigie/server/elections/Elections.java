package org.vigie.server.elections;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.vigie.core.accounts.Member;
import org.vigie.core.accounts.Permission;
import org.vigie.core.accounts.Permissions;
import org.vigie.core.organisations.CountryCode;
import org.vigie.server.audit.AuditEvent;
import org.vigie.server.audit.AuditTrail;
import org.vigie.server.web.ConflictException;
import org.vigie.server.web.ForbiddenException;
import org.vigie.server.web.InvalidFieldException;
import org.vigie.server.web.NotFoundException;

/**
 * The elections feature's entry point for the web layer and for other modules. Elections are public
 * facts: every signed-in user reads them, with no marking; platform administrators and organisations'
 * administrators create and change them ({@link Permission#ELECTION_MANAGE}), and every change is audited.
 */
@Service
public class Elections {

    private final ElectionRepository repository;
    private final AuditTrail audit;
    private final Clock clock;

    Elections(ElectionRepository repository, AuditTrail audit, Clock clock) {
        this.repository = repository;
        this.audit = audit;
        this.clock = clock;
    }

    /** Every election, newest election day first. */
    public List<Election> list() {
        return repository.find(ElectionFilter.ALL);
    }

    /** The elections matching the filter, newest election day first. */
    public List<Election> list(ElectionFilter filter) {
        return repository.find(filter);
    }

    public Optional<Election> find(UUID id) {
        return repository.findById(id);
    }

    /** @throws NotFoundException when there is no such election */
    public Election get(UUID id) {
        return repository.findById(id).orElseThrow(() -> new NotFoundException("election", id));
    }

    /** By name within a country, regardless of case (names are unique per country). */
    public Optional<Election> findByName(CountryCode country, String name) {
        return repository.findIdByName(country.value(), name).flatMap(repository::findById);
    }

    /** Today, by the platform's clock (UTC): what phases are worked out against. */
    public LocalDate today() {
        return LocalDate.now(clock);
    }

    /** Elections under way on that day, from their campaign's first day to their last day of voting, soonest vote first. */
    public List<Election> current(LocalDate day) {
        return repository.underWayOn(day);
    }

    /** Elections not yet under way on that day, the soonest first. */
    public List<Election> upcoming(LocalDate day) {
        return repository.find(new ElectionFilter(null, null, day, null)).stream()
                .filter(election -> election.opens().isAfter(day))
                .sorted(Comparator.comparing(Election::opens).thenComparing(Election::electionDay))
                .toList();
    }

    public boolean mayManage(Member member) {
        return Permissions.allows(member, Permission.ELECTION_MANAGE);
    }

    @Transactional
    public Election create(Member actor, ElectionDetails details) {
        ensureMayManage(actor);
        return insert(details, actor.accountId());
    }

    /** Creates an election on the platform's own authority (demo data); never reachable from a request. */
    @Transactional
    public Election createBySystem(ElectionDetails details) {
        return insert(details, null);
    }

    /**
     * Replaces what a person sets on the election with {@code details} (every field: a null date
     * removes it). Nothing changed, nothing audited.
     */
    @Transactional
    public Election update(Member actor, UUID id, ElectionDetails details) {
        Election current = get(id);
        ensureMayManage(actor);
        ElectionDetails wanted = valid(details);
        CountryCode country = CountryCode.of(wanted.country());
        if (!country.equals(current.country()) || !wanted.name().equalsIgnoreCase(current.name())) {
            ensureNameFree(country, wanted.name(), id);
        }
        Election updated = new Election(id, wanted.name(), country, wanted.type(), wanted.electionDay(), wanted.secondRoundDay(),
                wanted.campaignStarts(), wanted.campaignEnds(), wanted.description(), current.createdAt(), now(),
                current.createdBy());
        Map<String, Object> changed = differences(current, updated);
        if (changed.isEmpty()) {
            return current;
        }
        repository.update(updated);
        AuditEvent event = AuditEvent.of("election.updated", "election", id);
        for (Map.Entry<String, Object> change : changed.entrySet()) {
            event = event.with(change.getKey(), change.getValue());
        }
        audit.record(event);
        return updated;
    }

    private Election insert(ElectionDetails details, UUID createdBy) {
        ElectionDetails wanted = valid(details);
        CountryCode country = CountryCode.of(wanted.country());
        ensureNameFree(country, wanted.name(), null);
        Instant now = now();
        Election created = new Election(UUID.randomUUID(), wanted.name(), country, wanted.type(), wanted.electionDay(),
                wanted.secondRoundDay(), wanted.campaignStarts(), wanted.campaignEnds(), wanted.description(), now, now, createdBy);
        repository.insert(created);
        AuditEvent event = AuditEvent.of("election.created", "election", created.id());
        for (Map.Entry<String, Object> field : fields(created).entrySet()) {
            if (field.getValue() != null && !"".equals(field.getValue())) {
                event = event.with(field.getKey(), field.getValue());
            }
        }
        audit.record(event);
        return created;
    }

    /** To the microsecond, as PostgreSQL keeps it: what a creation answers is what a later read answers. */
    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    private static ElectionDetails valid(ElectionDetails details) {
        ElectionDetails normalised = details.normalised();
        ElectionRules.check(normalised).stream().findFirst().ifPresent(problem -> {
            throw new InvalidFieldException(problem.field(), problem.messageKey(), problem.detail());
        });
        return normalised;
    }

    /** What a person sets on an election, as audited: dates as ISO text, an absent date as null. */
    private static Map<String, Object> fields(Election election) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("name", election.name());
        fields.put("country", election.country().value());
        fields.put("type", election.type().name());
        fields.put("electionDay", text(election.electionDay()));
        fields.put("secondRoundDay", text(election.secondRoundDay()));
        fields.put("campaignStarts", text(election.campaignStarts()));
        fields.put("campaignEnds", text(election.campaignEnds()));
        fields.put("description", election.description());
        return fields;
    }

    /** The fields whose value differs, with their new value (a removed date as an explicit null). */
    private static Map<String, Object> differences(Election before, Election after) {
        Map<String, Object> old = fields(before);
        Map<String, Object> changed = new LinkedHashMap<>();
        fields(after).forEach((field, value) -> {
            if (!Objects.equals(old.get(field), value)) {
                changed.put(field, value);
            }
        });
        return changed;
    }

    private static String text(LocalDate date) {
        return date == null ? null : date.toString();
    }

    private void ensureNameFree(CountryCode country, String name, UUID except) {
        repository.findIdByName(country.value(), name).filter(existing -> !existing.equals(except)).ifPresent(existing -> {
            throw new ConflictException("name", "election.name.taken",
                    "An election named '" + name + "' already exists in " + country.value() + ".");
        });
    }

    private static void ensureMayManage(Member actor) {
        if (!Permissions.allows(actor, Permission.ELECTION_MANAGE)) {
            throw new ForbiddenException("Only platform administrators and organisations' administrators create and change elections.");
        }
    }
}

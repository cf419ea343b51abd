package org.vigie.server.organisations;

import java.time.Clock;
import java.time.Instant;
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
 * The organisations feature's entry point for the web layer and for other modules. The hub's
 * membership is known to every signed-in member (who takes part is not secret among them); what
 * an organisation shares is governed elsewhere, by the visibility policy.
 */
@Service
public class Organisations {

    private final OrganisationRepository repository;
    private final AuditTrail audit;
    private final Clock clock;

    Organisations(OrganisationRepository repository, AuditTrail audit, Clock clock) {
        this.repository = repository;
        this.audit = audit;
        this.clock = clock;
    }

    public List<Organisation> all() {
        return repository.findAll();
    }

    public Optional<Organisation> findByName(String name) {
        return repository.findIdByName(name).flatMap(repository::findById);
    }

    public Optional<Organisation> find(UUID id) {
        return repository.findById(id);
    }

    public Organisation get(UUID id) {
        return repository.findById(id).orElseThrow(() -> new NotFoundException("organisation", id));
    }

    @Transactional
    public Organisation create(Member actor, OrganisationChanges request) {
        if (!Permissions.allows(actor, Permission.ORGANISATION_CREATE)) {
            throw new ForbiddenException("Only platform administrators create organisations.");
        }
        return createBySystem(request);
    }

    /** Creates an organisation on the platform's own authority (demo data); never reachable from a request. */
    @Transactional
    public Organisation createBySystem(OrganisationChanges request) {
        String name = request.name().trim();
        ensureNameFree(name, null);
        Instant now = clock.instant();
        Organisation created = new Organisation(UUID.randomUUID(), name, request.sector(), country(request.country()),
                request.description() == null ? "" : request.description().trim(), now, now);
        repository.insert(created);
        audit.record(AuditEvent.of("organisation.created", "organisation", created.id())
                .with("name", created.name()).with("sector", created.sector().name()).with("country", created.country().value()));
        return created;
    }

    @Transactional
    public Organisation update(Member actor, UUID id, OrganisationChanges changes) {
        Organisation current = get(id);
        if (!Permissions.allows(actor, Permission.ORGANISATION_EDIT, id)) {
            throw new ForbiddenException("Only this organisation's administrators and platform administrators change it.");
        }
        String name = changes.name() == null ? current.name() : changes.name().trim();
        if (!name.equalsIgnoreCase(current.name())) {
            ensureNameFree(name, id);
        }
        Organisation updated = new Organisation(id, name,
                changes.sector() == null ? current.sector() : changes.sector(),
                changes.country() == null ? current.country() : country(changes.country()),
                changes.description() == null ? current.description() : changes.description().trim(),
                current.createdAt(), clock.instant());
        Map<String, Object> changed = differences(current, updated);
        if (changed.isEmpty()) {
            return current;
        }
        repository.update(updated);
        AuditEvent event = AuditEvent.of("organisation.updated", "organisation", id);
        for (Map.Entry<String, Object> change : changed.entrySet()) {
            event = event.with(change.getKey(), change.getValue());
        }
        audit.record(event);
        return updated;
    }

    private static Map<String, Object> differences(Organisation before, Organisation after) {
        Map<String, Object> changed = new LinkedHashMap<>();
        if (!before.name().equals(after.name())) {
            changed.put("name", after.name());
        }
        if (before.sector() != after.sector()) {
            changed.put("sector", after.sector().name());
        }
        if (!before.country().equals(after.country())) {
            changed.put("country", after.country().value());
        }
        if (!Objects.equals(before.description(), after.description())) {
            changed.put("description", after.description());
        }
        return changed;
    }

    private void ensureNameFree(String name, UUID except) {
        repository.findIdByName(name).filter(existing -> !existing.equals(except)).ifPresent(existing -> {
            throw new ConflictException("name", "organisation.name.taken", "An organisation named '" + name + "' already exists.");
        });
    }

    private static CountryCode country(String code) {
        if (!CountryCode.isValid(code == null ? null : code.trim().toUpperCase(java.util.Locale.ROOT))) {
            throw new InvalidFieldException("country", "organisation.country.invalid",
                    "'" + code + "' is not an ISO 3166-1 alpha-2 country code (such as FR or DE).");
        }
        return CountryCode.of(code);
    }
}

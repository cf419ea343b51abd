package org.vigie.server.organisations;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.vigie.core.accounts.Member;
import org.vigie.core.accounts.Permission;
import org.vigie.core.accounts.Permissions;
import org.vigie.server.audit.AuditEvent;
import org.vigie.server.audit.AuditTrail;
import org.vigie.server.web.ForbiddenException;
import org.vigie.server.web.InvalidFieldException;
import org.vigie.server.web.NotFoundException;

/**
 * Organisations' points of contact. Every signed-in member may read them all: the directory exists
 * so that people defending the same election know whom to call. Only the organisation's
 * administrators and platform administrators change them ({@link Permission#CONTACT_MANAGE}).
 */
@Service
public class PointsOfContact {

    static final String TARGET = "point-of-contact";

    private final PointOfContactRepository repository;
    private final Organisations organisations;
    private final AuditTrail audit;
    private final Clock clock;

    PointsOfContact(PointOfContactRepository repository, Organisations organisations, AuditTrail audit, Clock clock) {
        this.repository = repository;
        this.organisations = organisations;
        this.audit = audit;
        this.clock = clock;
    }

    /** The organisation's contacts, by topic then name; 404 when there is no such organisation. */
    public List<PointOfContact> of(UUID organisationId) {
        organisations.get(organisationId);
        return repository.findByOrganisation(organisationId);
    }

    /** A contact seen through its organisation: one of another organisation is not found here. */
    public PointOfContact get(UUID organisationId, UUID id) {
        organisations.get(organisationId);
        return repository.findById(id).filter(c -> c.organisationId().equals(organisationId))
                .orElseThrow(() -> new NotFoundException("point of contact", id));
    }

    public List<PointOfContact> directory(ContactFilter filter) {
        return repository.find(filter);
    }

    public boolean mayManage(Member actor, UUID organisationId) {
        return Permissions.allows(actor, Permission.CONTACT_MANAGE, organisationId);
    }

    @Transactional
    public PointOfContact create(Member actor, UUID organisationId, ContactChanges request) {
        organisations.get(organisationId);
        ensureMayManage(actor, organisationId);
        return createBySystem(organisationId, request);
    }

    /** Adds a contact on the platform's own authority (demo data); never reachable from a request. */
    @Transactional
    public PointOfContact createBySystem(UUID organisationId, ContactChanges request) {
        Organisation organisation = organisations.get(organisationId);
        ContactChanges details = request.asNew();
        enforceRules(details);
        Instant now = clock.instant();
        PointOfContact created = new PointOfContact(UUID.randomUUID(), organisationId, organisation.name(), details.topic(),
                details.name(), details.roleTitle(), details.email(), details.phone(), details.availability(), now, now);
        repository.insert(created);
        audit.record(describe(AuditEvent.of("contact.created", TARGET, created.id()), organisationId, details,
                details.differencesFrom(ContactChanges.NOTHING)));
        return created;
    }

    @Transactional
    public PointOfContact update(Member actor, UUID organisationId, UUID id, ContactChanges changes) {
        organisations.get(organisationId);
        ensureMayManage(actor, organisationId);
        PointOfContact current = get(organisationId, id);
        ContactChanges details = changes.appliedTo(current.details());
        enforceRules(details);
        Map<String, Object> changed = details.differencesFrom(current.details());
        if (changed.isEmpty()) {
            return current;
        }
        PointOfContact updated = new PointOfContact(id, organisationId, current.organisationName(), details.topic(),
                details.name(), details.roleTitle(), details.email(), details.phone(), details.availability(),
                current.createdAt(), clock.instant());
        repository.update(updated);
        audit.record(describe(AuditEvent.of("contact.updated", TARGET, id), organisationId, details, changed));
        return updated;
    }

    @Transactional
    public void delete(Member actor, UUID organisationId, UUID id) {
        organisations.get(organisationId);
        ensureMayManage(actor, organisationId);
        PointOfContact deleted = get(organisationId, id);
        repository.delete(id);
        audit.record(AuditEvent.of("contact.deleted", TARGET, id).with("organisationId", organisationId)
                .with("topic", deleted.topic().name()));
    }

    private void ensureMayManage(Member actor, UUID organisationId) {
        if (!mayManage(actor, organisationId)) {
            throw new ForbiddenException("Only this organisation's administrators and platform administrators manage its points of contact.");
        }
    }

    private static void enforceRules(ContactChanges details) {
        ContactRules.check(details).stream().findFirst().ifPresent(problem -> {
            throw new InvalidFieldException(problem.field(), problem.messageKey(), problem.detail());
        });
    }

    /**
     * The audit log can never be edited, so it must not hold personal data that may have to be
     * erased: it records which fields changed, not a person's name, e-mail or phone (see ADR 0002).
     */
    private static AuditEvent describe(AuditEvent event, UUID organisationId, ContactChanges details, Map<String, Object> changed) {
        return event.with("organisationId", organisationId)
                .with("topic", details.topic().name())
                .with("changedFields", List.copyOf(changed.keySet()));
    }
}

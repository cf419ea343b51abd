package org.vigie.server.organisations;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.vigie.core.accounts.Member;
import org.vigie.core.organisations.ContactTopic;
import org.vigie.core.organisations.CountryCode;
import org.vigie.core.organisations.Sector;
import org.vigie.server.web.InvalidFieldException;

@RestController
@RequestMapping("/api/v1")
@Tag(name = "Points of contact", description = "Whom to reach in each organisation, per topic, and the directory across organisations")
class ContactApiController {

    private final PointsOfContact contacts;

    ContactApiController(PointsOfContact contacts) {
        this.contacts = contacts;
    }

    /** Validation is the service's (see ContactRules), so that API and forms apply the same rules. */
    record ContactRequest(ContactTopic topic, String name, String roleTitle, String email, String phone, String availability) {
        ContactChanges changes() {
            return new ContactChanges(topic, name, roleTitle, email, phone, availability);
        }
    }

    record ContactView(UUID id, UUID organisationId, String organisationName, ContactTopic topic, String name,
                       String roleTitle, String email, String phone, String availability, Instant createdAt, Instant updatedAt) {
        static ContactView of(PointOfContact c) {
            return new ContactView(c.id(), c.organisationId(), c.organisationName(), c.topic(), c.name(), c.roleTitle(),
                    c.email(), c.phone(), c.availability(), c.createdAt(), c.updatedAt());
        }
    }

    @GetMapping("/organisations/{organisationId}/contacts")
    @Operation(summary = "An organisation's points of contact, by topic")
    List<ContactView> list(@PathVariable UUID organisationId) {
        return contacts.of(organisationId).stream().map(ContactView::of).toList();
    }

    @PostMapping("/organisations/{organisationId}/contacts")
    @Operation(summary = "Add a point of contact (the organisation's administrators, platform administrators)",
            description = "topic and name are required, and an email address or a phone number, or both.")
    ResponseEntity<ContactView> create(Member me, @PathVariable UUID organisationId, @RequestBody ContactRequest request) {
        PointOfContact created = contacts.create(me, organisationId, request.changes());
        return ResponseEntity.created(URI.create("/api/v1/organisations/" + organisationId + "/contacts/" + created.id()))
                .body(ContactView.of(created));
    }

    @GetMapping("/organisations/{organisationId}/contacts/{id}")
    ContactView get(@PathVariable UUID organisationId, @PathVariable UUID id) {
        return ContactView.of(contacts.get(organisationId, id));
    }

    @PatchMapping("/organisations/{organisationId}/contacts/{id}")
    @Operation(summary = "Change a point of contact; absent fields are left as they are",
            description = "An empty email or phone removes it, provided the other one remains.")
    ContactView update(Member me, @PathVariable UUID organisationId, @PathVariable UUID id, @RequestBody ContactRequest request) {
        return ContactView.of(contacts.update(me, organisationId, id, request.changes()));
    }

    @DeleteMapping("/organisations/{organisationId}/contacts/{id}")
    @Operation(summary = "Remove a point of contact")
    ResponseEntity<Void> delete(Member me, @PathVariable UUID organisationId, @PathVariable UUID id) {
        contacts.delete(me, organisationId, id);
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/contacts")
    @Operation(summary = "The directory: points of contact across all organisations, readable by every member")
    List<ContactView> directory(
            @Parameter(description = "Only this topic") @RequestParam(required = false) ContactTopic topic,
            @Parameter(description = "Only organisations of this sector") @RequestParam(required = false) Sector sector,
            @Parameter(description = "Only organisations of this country (ISO 3166-1 alpha-2)") @RequestParam(required = false) String country,
            @Parameter(description = "Text found in the name, role, email, phone, availability or organisation name")
            @RequestParam(required = false) String q) {
        return contacts.directory(new ContactFilter(topic, sector, country(country), q)).stream().map(ContactView::of).toList();
    }

    private static CountryCode country(String code) {
        if (code == null || code.isBlank()) {
            return null;
        }
        if (!CountryCode.isValid(code.trim().toUpperCase(Locale.ROOT))) {
            throw new InvalidFieldException("country", "organisation.country.invalid",
                    "'" + code + "' is not an ISO 3166-1 alpha-2 country code (such as FR or DE).");
        }
        return CountryCode.of(code);
    }
}

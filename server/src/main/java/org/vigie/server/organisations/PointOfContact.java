package org.vigie.server.organisations;

import java.time.Instant;
import java.util.UUID;
import org.vigie.core.organisations.ContactTopic;

/**
 * Someone an organisation names to be reached about a topic. Email and phone are optional one by
 * one, but at least one is present. The organisation's name is carried along because every reader
 * (the directory, the API) shows it next to the contact.
 */
public record PointOfContact(UUID id, UUID organisationId, String organisationName, ContactTopic topic, String name,
                             String roleTitle, String email, String phone, String availability,
                             Instant createdAt, Instant updatedAt) {

    ContactChanges details() {
        return new ContactChanges(topic, name, roleTitle, email, phone, availability);
    }
}

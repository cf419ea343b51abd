package org.vigie.server.organisations;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.vigie.core.organisations.ContactTopic;

/**
 * What a caller asks to set on a point of contact. For an update a null field means "leave as is";
 * an empty email or phone clears it (the other one must then remain).
 */
public record ContactChanges(ContactTopic topic, String name, String roleTitle, String email, String phone,
                             String availability) {

    /** Nothing at all: what a new contact is compared with, so that its audit record lists every field given. */
    static final ContactChanges NOTHING = new ContactChanges(null, null, null, null, null, null);

    /** A new contact's details: absent text becomes empty, absent email or phone becomes none. */
    ContactChanges asNew() {
        return new ContactChanges(topic, trimmed(name), orEmpty(roleTitle), orNone(email), orNone(phone), orEmpty(availability));
    }

    /** These changes applied to current details; the result is normalised like {@link #asNew()}. */
    ContactChanges appliedTo(ContactChanges current) {
        return new ContactChanges(
                topic == null ? current.topic() : topic,
                name == null ? current.name() : trimmed(name),
                roleTitle == null ? current.roleTitle() : orEmpty(roleTitle),
                email == null ? current.email() : orNone(email),
                phone == null ? current.phone() : orNone(phone),
                availability == null ? current.availability() : orEmpty(availability));
    }

    /** The fields whose value differs, with their new value, for the audit trail. */
    Map<String, Object> differencesFrom(ContactChanges before) {
        Map<String, Object> changed = new LinkedHashMap<>();
        putIfChanged(changed, "topic", before.topic(), topic);
        putIfChanged(changed, "name", before.name(), name);
        putIfChanged(changed, "roleTitle", before.roleTitle(), roleTitle);
        putIfChanged(changed, "email", before.email(), email);
        putIfChanged(changed, "phone", before.phone(), phone);
        putIfChanged(changed, "availability", before.availability(), availability);
        return changed;
    }

    private static void putIfChanged(Map<String, Object> changed, String field, Object before, Object after) {
        if (!Objects.equals(before, after)) {
            // a cleared email or phone is recorded as an explicit null, not left out
            changed.put(field, after instanceof ContactTopic t ? t.name() : after);
        }
    }

    private static String trimmed(String text) {
        return text == null ? null : text.trim();
    }

    private static String orEmpty(String text) {
        return text == null ? "" : text.trim();
    }

    private static String orNone(String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }
}

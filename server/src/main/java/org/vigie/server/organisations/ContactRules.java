package org.vigie.server.organisations;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * What a point of contact must satisfy, in one place: the service enforces it for every caller and
 * the web forms ask it first so that a person sees all problems at once, not one per attempt.
 */
final class ContactRules {

    static final int NAME_MAX = 200;
    static final int ROLE_TITLE_MAX = 200;
    static final int AVAILABILITY_MAX = 200;
    static final int EMAIL_MAX = 254;

    /** Deliberately loose: one @, no spaces, a dot in the domain. The only real check is a reply. */
    private static final Pattern EMAIL = Pattern.compile("[^\\s@]+@[^\\s@]+\\.[^\\s@]+");
    /**
     * E.164 as people write it (+33 1 23 45 67 89, (555) 123-4567): digits, spaces, +, - and
     * parentheses, 6 to 30 characters, of which at least 6 digits, so "+++---" is not a number.
     */
    private static final Pattern PHONE = Pattern.compile("(?=(?:[^0-9]*[0-9]){6})[0-9 +()\\-]{6,30}");

    private ContactRules() {
    }

    /** A broken rule: the field, a message key for forms, and an English sentence for the API. */
    record Problem(String field, String messageKey, String detail) {
    }

    /** @param contact normalised details (see {@link ContactChanges#asNew()}) */
    static List<Problem> check(ContactChanges contact) {
        List<Problem> problems = new ArrayList<>();
        if (contact.topic() == null) {
            problems.add(new Problem("topic", "contact.topic.required", "A topic is required."));
        }
        if (contact.name() == null || contact.name().isBlank()) {
            problems.add(new Problem("name", "contact.name.required", "A name is required."));
        } else if (contact.name().length() > NAME_MAX) {
            problems.add(new Problem("name", "contact.name.tooLong", "The name has more than " + NAME_MAX + " characters."));
        }
        if (contact.roleTitle() != null && contact.roleTitle().length() > ROLE_TITLE_MAX) {
            problems.add(new Problem("roleTitle", "contact.roleTitle.tooLong",
                    "The role or title has more than " + ROLE_TITLE_MAX + " characters."));
        }
        if (contact.email() != null && (contact.email().length() > EMAIL_MAX || !EMAIL.matcher(contact.email()).matches())) {
            problems.add(new Problem("email", "contact.email.invalid", "'" + contact.email() + "' is not an email address."));
        }
        if (contact.phone() != null && !PHONE.matcher(contact.phone()).matches()) {
            problems.add(new Problem("phone", "contact.phone.invalid", "'" + contact.phone()
                    + "' is not a phone number: use digits, spaces, +, - and parentheses (6 to 30 characters)."));
        }
        if (contact.email() == null && contact.phone() == null) {
            problems.add(new Problem("email", "contact.reachable", "Give an email address or a phone number, or both."));
        }
        if (contact.availability() != null && contact.availability().length() > AVAILABILITY_MAX) {
            problems.add(new Problem("availability", "contact.availability.tooLong",
                    "The availability has more than " + AVAILABILITY_MAX + " characters."));
        }
        return problems;
    }
}

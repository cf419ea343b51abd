package org.vigie.server.web;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** What the pages' small POST forms share: one action, then back to the page with the refusal, if any, shown on it. */
public final class FormActions {

    private FormActions() {
    }

    /**
     * Runs {@code action} and redirects to {@code page}; a refusal ({@link FieldException}) becomes the flash
     * attributes {@code error} (its message key) and {@code errorDetail}, which the page shows.
     */
    public static String runThenRedirect(String page, RedirectAttributes redirect, Runnable action) {
        try {
            action.run();
        } catch (FieldException e) {
            redirect.addFlashAttribute("error", e.messageKey());
            redirect.addFlashAttribute("errorDetail", e.getBody().getDetail());
        }
        return "redirect:" + page;
    }

    /**
     * A {@code datetime-local} form value read as UTC (the pages show UTC times); {@code null} when blank.
     *
     * @throws InvalidFieldException naming {@code field}, with {@code messageKey}, when it is not a date and time
     */
    public static Instant utcDateTime(String value, String field, String messageKey) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDateTime.parse(value.strip()).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            throw new InvalidFieldException(field, messageKey, "Not a date and time: " + value);
        }
    }
}

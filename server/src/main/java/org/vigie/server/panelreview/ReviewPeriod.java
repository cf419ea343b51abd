package org.vigie.server.panelreview;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import org.vigie.server.web.InvalidFieldException;

/**
 * The days a dossier covers, in UTC: referrals made from {@code from} (included) to {@code to}
 * (included), each with everything that followed it, even after {@code to}. Either bound may be open.
 */
public record ReviewPeriod(LocalDate from, LocalDate to) {

    static final Instant NO_LOWER_BOUND = Instant.EPOCH;
    static final Instant NO_UPPER_BOUND = Instant.parse("9999-12-31T00:00:00Z");

    public ReviewPeriod {
        if (from != null && to != null && to.isBefore(from)) {
            throw new InvalidFieldException("to", "review.period.reversed",
                    "The period ends (to=" + to + ") before it starts (from=" + from + ").");
        }
    }

    public static ReviewPeriod always() {
        return new ReviewPeriod(null, null);
    }

    /** Reads the request parameters {@code from} and {@code to} (YYYY-MM-DD, each optional), naming the one that is wrong. */
    public static ReviewPeriod parse(String from, String to) {
        return new ReviewPeriod(day("from", from), day("to", to));
    }

    private static LocalDate day(String parameter, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidFieldException(parameter, "review.period.invalid",
                    "Parameter '" + parameter + "' is not a date (YYYY-MM-DD): '" + value.strip() + "'.");
        }
    }

    Instant start() {
        return from == null ? NO_LOWER_BOUND : from.atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    /** The first instant after the period. */
    Instant end() {
        return to == null ? NO_UPPER_BOUND : to.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
    }
}

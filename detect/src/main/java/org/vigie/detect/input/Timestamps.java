package org.vigie.detect.input;

import java.time.DateTimeException;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;

/**
 * Reads the timestamp forms found in post exports, each value on its own (so a file may mix them):
 * <ul>
 *   <li>Unix time as an integer or decimal number: seconds, or milliseconds when its magnitude is at
 *       least 10<sup>11</sup> (in seconds that would be after the year 5000), or microseconds from
 *       10<sup>14</sup>; decimals are floored to the second;</li>
 *   <li>ISO-8601 date-times with an offset or {@code Z}, with a {@code T} or a space between date and
 *       time, with or without fractions of a second.</li>
 * </ul>
 * A date-time without an offset is refused: its time zone would be a guess.
 */
public final class Timestamps {

    static final long MILLIS_FROM = 100_000_000_000L;
    static final long MICROS_FROM = 100_000_000_000_000L;

    private Timestamps() {
    }

    /** The epoch second of {@code value}; {@link IllegalArgumentException} with the reason otherwise. */
    public static long parse(String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("empty timestamp");
        }
        String s = value.trim();
        if (looksNumeric(s)) {
            return parseNumber(s);
        }
        String iso = s.length() > 10 && s.charAt(10) == ' ' ? s.substring(0, 10) + 'T' + s.substring(11) : s;
        try {
            return OffsetDateTime.parse(iso, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toEpochSecond();
        } catch (DateTimeException e) {
            try {
                java.time.LocalDateTime.parse(iso, DateTimeFormatter.ISO_LOCAL_DATE_TIME);
                throw new IllegalArgumentException("timestamp '" + s + "' has no time-zone offset (add Z or +hh:mm)");
            } catch (DateTimeException notLocal) {
                throw new IllegalArgumentException("unreadable timestamp '" + s
                        + "' (expected ISO-8601 with offset, or Unix seconds/milliseconds)");
            }
        }
    }

    private static boolean looksNumeric(String s) {
        int i = s.charAt(0) == '-' ? 1 : 0;
        if (i == s.length()) {
            return false;
        }
        boolean dot = false;
        for (; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '.' && !dot) {
                dot = true;
            } else if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    private static long parseNumber(String s) {
        int dot = s.indexOf('.');
        String whole = dot < 0 ? s : s.substring(0, dot);
        if (whole.isEmpty() || whole.equals("-")) {
            whole = whole + "0";
        }
        long v;
        try {
            v = Long.parseLong(whole);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("timestamp '" + s + "' is out of range");
        }
        if (dot >= 0 && v < 0 && s.substring(dot + 1).chars().anyMatch(c -> c != '0')) {
            v -= 1; // floor for negative decimals
        }
        long magnitude = Math.abs(v);
        if (magnitude >= MICROS_FROM) {
            return Math.floorDiv(v, 1_000_000L);
        }
        if (magnitude >= MILLIS_FROM) {
            return Math.floorDiv(v, 1_000L);
        }
        return v;
    }
}

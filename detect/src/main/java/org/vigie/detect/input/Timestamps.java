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
        long fast = parseSimpleIso(s);
        if (fast != NOT_SIMPLE) {
            return fast;
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

    static final long NOT_SIMPLE = Long.MIN_VALUE;

    /**
     * The common form {@code YYYY-MM-DDTHH:MM:SS} (or a space for {@code T}) with {@code Z} or {@code ±HH:MM}, read
     * digit by digit: {@code OffsetDateTime.parse} costs about a microsecond, a noticeable share of reading
     * millions of posts. Anything else (fractions, other layouts, an invalid date) returns {@link #NOT_SIMPLE}
     * and goes through the full parser, which also words the errors.
     */
    static long parseSimpleIso(String s) {
        int n = s.length();
        if (n != 20 && n != 25) {
            return NOT_SIMPLE;
        }
        byte[] chars = new byte[n];
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c > 127) {
                return NOT_SIMPLE;
            }
            chars[i] = (byte) c;
        }
        return parseSimpleIso(chars, 0, n);
    }

    /** {@link #parseSimpleIso(String)} on the ASCII bytes {@code b[from, from + n)}, without making a string. */
    static long parseSimpleIso(byte[] b, int from, int n) {
        if (n != 20 && n != 25 || b[from + 4] != '-' || b[from + 7] != '-'
                || b[from + 10] != 'T' && b[from + 10] != ' ' || b[from + 13] != ':' || b[from + 16] != ':') {
            return NOT_SIMPLE;
        }
        int year = digits(b, from, 4);
        int month = digits(b, from + 5, 2);
        int day = digits(b, from + 8, 2);
        int hour = digits(b, from + 11, 2);
        int minute = digits(b, from + 14, 2);
        int second = digits(b, from + 17, 2);
        if (year < 0 || month < 1 || month > 12 || day < 1 || day > 31 || hour < 0 || hour > 23 || minute < 0
                || minute > 59 || second < 0 || second > 59) {
            return NOT_SIMPLE;
        }
        int offsetSeconds;
        byte z = b[from + 19];
        if (n == 20) {
            if (z != 'Z') {
                return NOT_SIMPLE;
            }
            offsetSeconds = 0;
        } else {
            int oh = digits(b, from + 20, 2);
            int om = digits(b, from + 23, 2);
            if (z != '+' && z != '-' || b[from + 22] != ':' || oh < 0 || oh > 18 || om < 0 || om > 59) {
                return NOT_SIMPLE;
            }
            offsetSeconds = (z == '-' ? -1 : 1) * (oh * 3600 + om * 60);
        }
        if (day > java.time.YearMonth.of(year, month).lengthOfMonth()) {
            return NOT_SIMPLE;
        }
        long epochDay = java.time.LocalDate.of(year, month, day).toEpochDay();
        return epochDay * 86_400L + hour * 3600L + minute * 60L + second - offsetSeconds;
    }

    /** The number written by {@code count} ASCII digits at {@code from}, or -1 if one is not a digit. */
    private static int digits(byte[] b, int from, int count) {
        int v = 0;
        for (int i = from; i < from + count; i++) {
            int c = b[i];
            if (c < '0' || c > '9') {
                return -1;
            }
            v = v * 10 + (c - '0');
        }
        return v;
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

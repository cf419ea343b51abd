package org.vigie.core.reports;

import java.util.Locale;

/**
 * The Admiralty (NATO) grading of a piece of information: how reliable its source is (A–F) and how
 * credible the information itself is (1–6), graded independently of each other.
 */
public record Admiralty(Reliability reliability, Credibility credibility) {

    public enum Reliability {
        A, B, C, D, E, F;

        public static Reliability fromKey(String key) {
            return IncidentType.Keys.parse(Reliability.class, key);
        }
    }

    public enum Credibility {
        CONFIRMED, PROBABLY_TRUE, POSSIBLY_TRUE, DOUBTFUL, IMPROBABLE, CANNOT_BE_JUDGED;

        /** The digit analysts write: 1 (confirmed) to 6 (cannot be judged). */
        public String digit() {
            return String.valueOf(ordinal() + 1);
        }

        public static Credibility fromKey(String key) {
            if (key != null && key.trim().matches("[1-6]")) {
                return values()[Integer.parseInt(key.trim()) - 1];
            }
            if (key != null) {
                try {
                    return IncidentType.Keys.parse(Credibility.class, key);
                } catch (IllegalArgumentException e) {
                    // fall through to the message that names the digits analysts use
                }
            }
            throw new IllegalArgumentException("'" + key + "' is not one of 1, 2, 3, 4, 5, 6");
        }
    }

    /** "B2", as written on intelligence reports; "" when neither is graded. */
    public String code() {
        return (reliability == null ? "" : reliability.name()) + (credibility == null ? "" : credibility.digit());
    }

}

package org.vigie.core.response;

import org.vigie.core.reports.Outcome;

/**
 * How severe a report is, for a protocol's trigger. Derived from what the reporter recorded, never
 * typed separately, so that two analysts filing the same facts get the same severity:
 * <ul>
 *   <li>{@link #CRITICAL}: all four VIGINUM criteria met (a characterised foreign digital
 *       interference) with a confidence of at least 70;</li>
 *   <li>{@link #HIGH}: three criteria or more met (four with a lower or no confidence);</li>
 *   <li>{@link #MODERATE}: two criteria met, or the interference succeeded;</li>
 *   <li>{@link #LOW}: anything else (an attempt with at most one criterion met).</li>
 * </ul>
 * Ordered from least to most severe: a protocol with minimum severity HIGH also fires on CRITICAL.
 */
public enum Severity {
    LOW, MODERATE, HIGH, CRITICAL;

    /** The confidence (0–100) from which a report meeting all four criteria is critical. */
    public static final int CRITICAL_CONFIDENCE = 70;

    /**
     * @param criteriaMet how many of the four VIGINUM criteria the reporter judges met
     * @param confidence  the reporter's confidence 0–100, or null
     * @param outcome     whether the interference worked (null: unknown)
     */
    public static Severity of(long criteriaMet, Integer confidence, Outcome outcome) {
        if (criteriaMet >= 4 && confidence != null && confidence >= CRITICAL_CONFIDENCE) {
            return CRITICAL;
        }
        if (criteriaMet >= 3) {
            return HIGH;
        }
        if (criteriaMet >= 2 || outcome == Outcome.SUCCESSFUL) {
            return MODERATE;
        }
        return LOW;
    }

    public boolean atLeast(Severity minimum) {
        return minimum == null || compareTo(minimum) >= 0;
    }
}

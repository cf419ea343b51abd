package org.vigie.core.reports;

import java.util.Locale;

/**
 * The four cumulative criteria by which France's VIGINUM characterises a foreign digital
 * interference. A report records, for each, whether the reporter judges it met and why.
 */
public enum ViginumCriterion {
    /** The operation harms the fundamental interests of the nation (here: the integrity of the election). */
    HARM_TO_FUNDAMENTAL_INTERESTS,
    /** A foreign actor is involved, directly or indirectly. */
    FOREIGN_INVOLVEMENT,
    /** The content is manifestly inaccurate or misleading. */
    INACCURATE_OR_MISLEADING_CONTENT,
    /** The spread is artificial or automated, massive, and deliberate. */
    ARTIFICIAL_SPREAD;

    public String key() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static ViginumCriterion fromKey(String key) {
        return IncidentType.Keys.parse(ViginumCriterion.class, key);
    }
}

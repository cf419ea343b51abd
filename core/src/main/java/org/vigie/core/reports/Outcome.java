package org.vigie.core.reports;

import java.util.Locale;

/**
 * Whether the interference worked. Attempts that were blocked are reported too: the seed texts ask
 * for attempted breaches, not only successful ones, because attempts show intent and method.
 */
public enum Outcome {
    ATTEMPTED,
    SUCCESSFUL,
    UNKNOWN;

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Outcome fromKey(String key) {
        return IncidentType.Keys.parse(Outcome.class, key);
    }
}

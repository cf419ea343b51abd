package org.vigie.core.observables;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One value two reports must share to be linked, stored as one row of {@code correlation_values}.
 * Observables give keys whose kind is an {@link ObservableType#key()} ("url", "domain", "ipv4"…); a
 * URL or an e-mail address also gives the "domain" key of its registrable domain, so that a URL on
 * {@code login.evil.com} links to a report naming the domain {@code evil.com}. Other kinds (actors,
 * narratives, techniques) are the report module's to add.
 *
 * @param kind  lower-case, hyphenated: what the value is
 * @param value the normalised value
 */
public record CorrelationKey(String kind, String value) {

    private static final Pattern KIND = Pattern.compile("[a-z][a-z0-9-]*");

    public CorrelationKey {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(value, "value");
        if (!KIND.matcher(kind).matches()) {
            throw new IllegalArgumentException("a correlation kind is lower case and hyphenated: " + kind);
        }
        if (value.isBlank()) {
            throw new IllegalArgumentException("a correlation key needs a value");
        }
    }

    public static CorrelationKey of(ObservableType type, String value) {
        return new CorrelationKey(type.key(), value);
    }

    @Override
    public String toString() {
        return kind + ":" + value;
    }
}

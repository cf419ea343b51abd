package org.vigie.core.observables;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The kinds of observable a report can list. Keys are stable: they are stored in the report's STIX
 * extension, in the database and in JSON, and they name the correlation keys of each kind.
 */
public enum ObservableType {
    URL,
    DOMAIN,
    IPV4,
    IPV6,
    EMAIL,
    FILE_HASH,
    PHONE,
    SOCIAL_ACCOUNT;

    /** "url", "domain", "ipv4", "ipv6", "email", "file-hash", "phone", "social-account". */
    public String key() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** @throws IllegalArgumentException naming the allowed keys, so that an API caller can fix the request */
    public static ObservableType fromKey(String key) {
        if (key != null) {
            String wanted = key.trim().toLowerCase(Locale.ROOT);
            for (ObservableType type : values()) {
                if (type.key().equals(wanted)) {
                    return type;
                }
            }
        }
        throw new IllegalArgumentException("'" + key + "' is not an observable type; use one of "
                + Arrays.stream(values()).map(ObservableType::key).collect(Collectors.joining(", ")));
    }
}

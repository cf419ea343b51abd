package org.vigie.core.reports;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * What kind of interference a report describes. A report may have several: a hack-and-leak is often
 * also a disinformation narrative. Keys are stable: they are stored in STIX and in the database.
 */
public enum IncidentType {
    PHISHING,
    INTRUSION,
    DDOS,
    DEFACEMENT,
    HACK_AND_LEAK,
    DISINFORMATION_NARRATIVE,
    COORDINATED_INAUTHENTIC_BEHAVIOUR,
    IMPERSONATION,
    SYNTHETIC_MEDIA,
    HARASSMENT,
    POLITICAL_AD_ABUSE,
    PHYSICAL_THREAT,
    OTHER;

    public String key() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static IncidentType fromKey(String key) {
        return Keys.parse(IncidentType.class, key);
    }

    /** Parsing shared by the report vocabularies: accepts the key, or the constant's name, in any case. */
    static final class Keys {
        private Keys() {
        }

        static <E extends Enum<E>> E parse(Class<E> type, String key) {
            if (key != null) {
                String name = key.trim().toUpperCase(Locale.ROOT).replace('-', '_');
                for (E constant : type.getEnumConstants()) {
                    if (constant.name().equals(name)) {
                        return constant;
                    }
                }
            }
            throw new IllegalArgumentException("'" + key + "' is not one of " + Arrays.stream(type.getEnumConstants())
                    .map(c -> c.name().toLowerCase(Locale.ROOT).replace('_', '-')).collect(Collectors.joining(", ")));
        }
    }
}

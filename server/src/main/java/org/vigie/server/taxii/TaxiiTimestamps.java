package org.vigie.server.taxii;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** Timestamps as TAXII writes them. */
final class TaxiiTimestamps {

    private static final DateTimeFormatter MICROS = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter MILLIS = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private TaxiiTimestamps() {
    }

    /**
     * A date added, to the microsecond the store keeps: a client that sends it back as
     * {@code added_after} then resumes exactly after it, neither missing nor repeating objects.
     */
    static String dateAdded(Instant instant) {
        return MICROS.format(instant);
    }

    /** An object version (its {@code modified}), with milliseconds as STIX objects in Vigie carry them, or microseconds if finer. */
    static String version(Instant instant) {
        return instant.getNano() % 1_000_000 == 0 ? MILLIS.format(instant) : MICROS.format(instant);
    }
}

package org.vigie.server.knowledge;

import java.time.Instant;
import java.util.Map;

/**
 * Where stored versions of an object came from, when another module knows (federation records
 * which peer hub sent a version): the object page shows it beside each version. The knowledge
 * store depends on no such module; they implement this.
 */
public interface VersionOrigins {

    /** A version received from elsewhere: the source's name and when it was received. */
    record Origin(String source, Instant receivedAt) {
    }

    /** The known origins of the object's versions, by version ({@code modified}). */
    Map<Instant, Origin> of(String stixId);
}

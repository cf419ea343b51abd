package org.vigie.server.knowledge;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import org.vigie.core.sharing.Sharing;

/** One stored version of a STIX object, with the sharing of its object. */
public record StoredObject(String stixId, String type, Instant modified, boolean latest, Sharing sharing, Instant addedAt,
                           JsonNode object) {
}

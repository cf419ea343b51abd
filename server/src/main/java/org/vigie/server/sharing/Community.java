package org.vigie.server.sharing;

import java.time.Instant;
import java.util.UUID;

/** A group of organisations sharing under one charter, such as a national election cell. */
public record Community(UUID id, String name, String purpose, Charter charter, int charterVersion, Instant charterChangedAt,
                        Instant createdAt, Instant updatedAt) {
}

package org.vigie.server.sharing;

import java.time.Instant;
import java.util.UUID;
import org.vigie.core.organisations.Sector;

/**
 * A member organisation of a community and the last charter version it accepted (null if none),
 * when and by whom (a username). {@code accepted} tells whether that is the current version: only
 * then does the organisation take part in what is shared with the community.
 */
public record Membership(UUID communityId, UUID organisationId, String organisationName, Sector sector, Instant addedAt,
                         Integer acceptedVersion, Instant acceptedAt, String acceptedBy, boolean accepted) {
}

package org.vigie.server.sharing;

import java.time.Instant;
import java.util.UUID;

/** An account that runs a community; always one of a member organisation's accounts. */
public record CommunityAdministrator(UUID communityId, UUID accountId, String username, UUID organisationId,
                                     String organisationName, Instant appointedAt) {
}

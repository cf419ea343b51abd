package org.vigie.server.sharing;

import java.util.UUID;

/** An account as a community sees it: who it is and which organisation it belongs to (none for some platform administrators). */
public record AccountOption(UUID accountId, String username, UUID organisationId, String organisationName) {
}

package org.vigie.core.sharing;

import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * Everything the visibility policy needs to know about who is reading: the account, its
 * organisation (none for a platform administrator without one) and the communities in which that
 * organisation is a member and has accepted the current charter.
 */
public record Viewer(UUID accountId, UUID organisationId, Set<UUID> activeCommunities) {

    public Viewer {
        Objects.requireNonNull(accountId, "accountId");
        activeCommunities = Set.copyOf(activeCommunities);
    }
}

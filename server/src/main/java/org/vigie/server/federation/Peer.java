package org.vigie.server.federation;

import java.time.Instant;
import java.util.UUID;
import org.vigie.core.sharing.Tlp;

/**
 * A peer hub as registered here, without its token (which only {@link PeerRepository#encryptedToken}
 * reads, for the client).
 */
public record Peer(UUID id, String name, String discoveryUrl, String apiRoot, String collectionId, AuthScheme authScheme,
                   String username, UUID organisationId, UUID communityId, Tlp maxTlp, int pullIntervalMinutes,
                   boolean enabled, String pullCursor, UUID pushCommunityId, String pushCollectionId, String pushCursor,
                   Instant createdAt, Instant updatedAt) {

    public boolean pushes() {
        return pushCommunityId != null && pushCollectionId != null;
    }
}

package org.vigie.server.accounts;

import java.time.Instant;
import java.util.UUID;

/** A named API token as its owner sees it: never the secret, only a masked form of the token. */
public record ApiToken(UUID id, String name, String publicId, Instant createdAt, Instant lastUsedAt, Instant revokedAt) {

    public String masked() {
        return ApiTokens.PREFIX + publicId + "_••••••••";
    }

    public boolean active() {
        return revokedAt == null;
    }
}

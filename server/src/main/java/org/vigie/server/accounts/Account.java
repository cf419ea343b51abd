package org.vigie.server.accounts;

import java.time.Instant;
import java.util.UUID;
import org.vigie.core.accounts.Member;
import org.vigie.core.accounts.OrganisationRole;

/** A person who signs in. The password hash never leaves the repository. */
public record Account(
        UUID id,
        String username,
        String displayName,
        String email,
        UUID organisationId,
        OrganisationRole role,
        boolean platformAdministrator,
        String locale,
        boolean enabled,
        int failedLogins,
        Instant lockedUntil,
        Instant createdAt,
        Instant updatedAt) {

    public Member member() {
        return new Member(id, username, organisationId, role, platformAdministrator);
    }

    public boolean lockedAt(Instant now) {
        return lockedUntil != null && lockedUntil.isAfter(now);
    }
}

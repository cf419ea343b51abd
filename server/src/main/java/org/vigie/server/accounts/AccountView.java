package org.vigie.server.accounts;

import java.time.Instant;
import java.util.UUID;
import org.vigie.core.accounts.OrganisationRole;

/** An account as the API shows it. */
record AccountView(UUID id, String username, String displayName, String email, UUID organisationId,
                   OrganisationRole role, boolean platformAdministrator, String locale, boolean enabled,
                   boolean locked, Instant createdAt, Instant updatedAt) {

    static AccountView of(Account account, Instant now) {
        return new AccountView(account.id(), account.username(), account.displayName(), account.email(),
                account.organisationId(), account.role(), account.platformAdministrator(), account.locale(),
                account.enabled(), account.lockedAt(now), account.createdAt(), account.updatedAt());
    }
}

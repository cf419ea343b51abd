package org.vigie.core.accounts;

import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * Who is acting, as far as rules are concerned: an account, the organisation it belongs to and its
 * role there, and whether it operates the platform. A platform administrator without an
 * organisation belongs to none, and so later visibility rules give it no organisation's restricted
 * content: running the platform is not a reason to read what others share.
 */
public record Member(UUID accountId, String username, UUID organisationId, OrganisationRole role, boolean platformAdministrator) {

    public Member {
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(username, "username");
        if ((organisationId == null) != (role == null)) {
            throw new IllegalArgumentException("an organisation and a role go together");
        }
        if (organisationId == null && !platformAdministrator) {
            throw new IllegalArgumentException("only a platform administrator may belong to no organisation");
        }
    }

    public Optional<UUID> organisation() {
        return Optional.ofNullable(organisationId);
    }

    public boolean belongsTo(UUID organisation) {
        return organisationId != null && organisationId.equals(organisation);
    }

    public boolean administers(UUID organisation) {
        return belongsTo(organisation) && role == OrganisationRole.ADMINISTRATOR;
    }
}

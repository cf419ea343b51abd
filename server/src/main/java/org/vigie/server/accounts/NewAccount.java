package org.vigie.server.accounts;

import java.util.UUID;
import org.vigie.core.accounts.OrganisationRole;

/** What is needed to open an account. */
public record NewAccount(String username, String password, String displayName, String email, UUID organisationId,
                         OrganisationRole role, boolean platformAdministrator) {
}

package org.vigie.server.accounts;

import org.vigie.core.accounts.OrganisationRole;

/** Changes to an account; a null field is left as it is. */
public record AccountChanges(String displayName, String email, OrganisationRole role, Boolean enabled, Boolean platformAdministrator) {
}

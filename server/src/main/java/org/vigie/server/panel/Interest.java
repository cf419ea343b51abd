package org.vigie.server.panel;

import java.time.Instant;
import java.util.UUID;

/**
 * A conflict-of-interest declaration: a member's tie to an organisation (their party, employer, a
 * board they sit on). While it is not withdrawn, the member is recused from every referral whose
 * subjects involve that organisation.
 */
public record Interest(UUID id, UUID panelId, UUID accountId, UUID organisationId, String organisationName, String nature,
                       Instant declaredAt, Instant withdrawnAt) {

    public boolean active() {
        return withdrawnAt == null;
    }
}

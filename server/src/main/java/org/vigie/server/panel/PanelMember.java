package org.vigie.server.panel;

import java.time.Instant;
import java.util.UUID;

/**
 * A member of a panel. {@code publicTitle} is the only thing about them the public site may show;
 * the account, organisation and name are for the panel and platform administrators.
 *
 * @param removedAt null while a member
 */
public record PanelMember(UUID panelId, UUID accountId, String username, String displayName, UUID organisationId,
                          String organisationName, Role role, String publicTitle, Instant addedAt, Instant removedAt) {

    public enum Role { CHAIR, MEMBER }

    public boolean current() {
        return removedAt == null;
    }
}

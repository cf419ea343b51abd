package org.vigie.server.panel;

import java.util.UUID;

/** Adding an account to a panel, with the public title the methodology page shows. Role defaults to MEMBER. */
public record MemberRequest(UUID accountId, PanelMember.Role role, String publicTitle) {
}

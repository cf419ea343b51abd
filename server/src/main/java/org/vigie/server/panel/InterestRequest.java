package org.vigie.server.panel;

import java.util.UUID;

/** A declaration: the organisation the member is tied to, and how (e.g. "party member", "board seat"). */
public record InterestRequest(UUID organisationId, String nature) {
}

package org.vigie.server.statements;

import java.time.Instant;
import java.util.UUID;

/** A member's approval of one version of a statement. */
public record Approval(int version, UUID accountId, String name, Instant approvedAt) {
}

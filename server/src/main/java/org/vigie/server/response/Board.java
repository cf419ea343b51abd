package org.vigie.server.response;

import java.time.Instant;
import java.util.UUID;

/**
 * A response under way (or closed): a protocol activated on a report or campaign.
 *
 * @param protocol        the protocol as it was when activated
 * @param escalationDueAt when the current level's acknowledgement is due; null once nothing more escalates
 */
public record Board(UUID id, UUID protocolId, UUID communityId, Protocol protocol, String subjectId, String subjectType,
                    UUID activatedBy, Instant activatedAt, int currentLevel, Instant escalationDueAt, boolean open) {
}

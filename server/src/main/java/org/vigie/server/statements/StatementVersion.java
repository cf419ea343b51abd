package org.vigie.server.statements;

import java.time.Instant;
import java.util.UUID;

/** One version of a statement's text and public classification; versions are never rewritten. */
public record StatementVersion(UUID statementId, int version, StatementText fr, StatementText en, Classification classification,
                               UUID editedBy, String editedByName, Instant editedAt) {
}

package org.vigie.server.statements;

import java.util.UUID;

/**
 * What a member writes: the text in French and in English, and the public classification. The
 * classification arrives as the API's strings and is checked by {@link Statements} (a wrong value is
 * a 400 naming the field and the values allowed).
 */
public record StatementDraft(StatementText fr, StatementText en, String incidentType, String cyclePhase, UUID electionId) {
}

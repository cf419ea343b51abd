package org.vigie.server.statements;

import java.time.Instant;
import java.util.UUID;

/** A dated correction shown with a published statement, in both languages; never edited. */
public record Correction(UUID id, String textFr, String textEn, UUID createdBy, String createdByName, Instant publishedAt) {
}

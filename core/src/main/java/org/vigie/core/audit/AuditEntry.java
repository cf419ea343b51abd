package org.vigie.core.audit;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * One fact for the audit log: who did what to which thing, when and from where. {@code details} is
 * canonical JSON text, kept verbatim so that the hash covers exactly what is stored.
 *
 * <p>Timestamps are truncated to microseconds because that is what PostgreSQL keeps; a hash over
 * nanoseconds would not survive a round trip through the database.
 */
public record AuditEntry(
        long sequence,
        Instant occurredAt,
        String actorId,
        String actorName,
        String action,
        String targetType,
        String targetId,
        String details,
        String sourceAddress) {

    public AuditEntry {
        if (sequence < 1) {
            throw new IllegalArgumentException("audit sequence numbers start at 1");
        }
        occurredAt = Objects.requireNonNull(occurredAt, "occurredAt").truncatedTo(ChronoUnit.MICROS);
        Objects.requireNonNull(actorName, "actorName");
        Objects.requireNonNull(action, "action");
        details = details == null ? "{}" : details;
    }
}

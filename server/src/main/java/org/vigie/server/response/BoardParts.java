package org.vigie.server.response;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** What a board shows, row by row. */
public final class BoardParts {

    private BoardParts() {
    }

    /** A level reached: when, why, its deadline, the organisations that could not be alerted, and who was. */
    public record LevelReached(int level, String name, Instant reachedAt, String reason, Instant dueAt,
                               List<String> unreachableOrganisations, List<Alerted> alerted) {

        public boolean acknowledged() {
            return alerted.stream().anyMatch(a -> a.acknowledgedAt() != null);
        }
    }

    /** One person alerted, and what became of the alert. */
    public record Alerted(UUID accountId, String person, UUID organisationId, String organisation, Instant alertedAt,
                          UUID notificationId, Instant deliveredAt, Instant openedAt, Instant acknowledgedAt) {
    }

    public record Task(UUID id, Integer level, String title, UUID ownerAccount, String owner, Instant dueAt, Instant doneAt,
                       String doneBy, Instant createdAt) {

        public boolean done() {
            return doneAt != null;
        }
    }

    /** An entry of the append-only log. {@code author} is null for the system (escalation). */
    public record Entry(UUID id, Instant at, String kind, String author, String organisation, String text, JsonNode data) {
    }

    /** A person a task may be given to. */
    public record Person(UUID accountId, String name, UUID organisationId, String organisation) {
    }
}

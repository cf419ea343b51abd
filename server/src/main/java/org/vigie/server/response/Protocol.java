package org.vigie.server.response;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.vigie.core.accounts.OrganisationRole;
import org.vigie.core.response.Trigger;

/**
 * A community's response protocol, as stored and checked.
 *
 * @param levels the escalation levels in order; level 1 is alerted on activation
 */
public record Protocol(UUID id, UUID communityId, String name, String description, Trigger trigger, List<Level> levels,
                       boolean active, UUID createdBy, Instant createdAt, Instant updatedAt) {

    public Protocol {
        levels = List.copyOf(levels);
    }

    /**
     * One escalation level.
     *
     * @param organisations     member organisations of the community whose people are alerted
     * @param roles             which of their people: those with one of these roles
     * @param checklist         the steps, copied as tasks on the board when the level is reached
     * @param acknowledgeWithin how long the level has to acknowledge before the next level is alerted
     */
    public record Level(String name, List<UUID> organisations, Set<OrganisationRole> roles, List<String> checklist,
                        Duration acknowledgeWithin) {

        public Level {
            organisations = List.copyOf(organisations);
            roles = Set.copyOf(roles);
            checklist = List.copyOf(checklist);
        }
    }

    /** Level {@code n}, from 1. */
    public Level level(int n) {
        return levels.get(n - 1);
    }
}

package org.vigie.core.sharing;

import java.util.Set;
import java.util.UUID;

/**
 * Who an object is shared with beyond its owner: communities (for TLP:GREEN), recipient
 * organisations (TLP:AMBER and AMBER+STRICT) and named people (TLP:RED). Which of the three counts is
 * decided by the TLP level; the others are kept but grant nothing.
 */
public record Distribution(Set<UUID> communities, Set<UUID> organisations, Set<UUID> users) {

    public static final Distribution NONE = new Distribution(Set.of(), Set.of(), Set.of());

    public Distribution {
        communities = Set.copyOf(communities);
        organisations = Set.copyOf(organisations);
        users = Set.copyOf(users);
    }
}

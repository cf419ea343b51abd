package org.vigie.detect.synthetic;

import java.util.List;
import java.util.Set;

/**
 * One planted coordinated group.
 *
 * @param id group id, {@code "g0"}, {@code "g1"}, …
 * @param members its account ids (each belongs to exactly one group)
 * @param behaviours what it does together; its episodes cycle through them
 * @param jitterSeconds the largest delay of a member after an episode starts
 * @param episodes how many coordinated episodes it runs
 */
public record PlantedGroup(String id, List<String> members, Set<Behaviour> behaviours, int jitterSeconds,
        int episodes) {
    public PlantedGroup {
        members = List.copyOf(members);
        behaviours = Set.copyOf(behaviours);
    }
}

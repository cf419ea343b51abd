package org.vigie.detect.pipeline;

import java.util.List;
import java.util.Map;
import org.vigie.detect.coaction.CoActionType;

/**
 * A group of accounts that acted together: a Leiden community inside a connected component of the network, reduced
 * to the members tied to at least two others (see {@code docs/detect/groups.md}).
 *
 * @param id          0-based, groups ordered by decreasing total weight
 * @param component   the connected component the group was found in
 * @param members     account ids, by decreasing score
 * @param platforms   distinct platforms of the members
 * @param edges       kept edges between members
 * @param weight      sum of those edges' weights
 * @param density     edges / possible member pairs
 * @param pairsByType co-action pairs between members, per type
 * @param topObjects  the objects most members shared, most shared first
 * @param firstSeen   earliest share by a member of an object at least two members shared (epoch seconds; 0 when
 *                    no trace is known)
 * @param lastSeen    latest such share
 * @param evidence    shares of the top objects by members, earliest first, at most 20 per object
 */
public record CoordinatedGroup(int id, int component, List<String> members, List<String> platforms, int edges,
        double weight, double density, Map<CoActionType, Long> pairsByType, List<SharedObject> topObjects,
        long firstSeen, long lastSeen, List<EvidencePost> evidence) {

    public CoordinatedGroup {
        members = List.copyOf(members);
        platforms = List.copyOf(platforms);
        pairsByType = Map.copyOf(pairsByType);
        topObjects = List.copyOf(topObjects);
        evidence = List.copyOf(evidence);
    }

    public int size() {
        return members.size();
    }
}

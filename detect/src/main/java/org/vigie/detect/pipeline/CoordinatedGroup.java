package org.vigie.detect.pipeline;

import java.util.List;
import java.util.Map;
import org.vigie.detect.coaction.CoActionType;

/**
 * A group of accounts that acted together: a Leiden community inside a connected component of the network.
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
 * @param firstSeen   earliest evidence share (epoch seconds)
 * @param lastSeen    latest evidence share
 * @param evidence    shares of the top objects by members, in time order (capped)
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

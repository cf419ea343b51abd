package org.vigie.detect.pipeline;

import java.util.List;
import java.util.Map;
import org.vigie.detect.coaction.CoActionType;
import org.vigie.detect.input.InputReport;
import org.vigie.detect.network.NetworkEdge;

/**
 * Everything a run found, ready to be written ({@code nodes.csv}, {@code edges.csv}, {@code groups.csv}, GEXF,
 * GraphML, {@code summary.json}) or stored.
 *
 * @param windowSeconds     the window used (estimated when {@code windowEstimated})
 * @param pairs             co-action pairs found by the sweep, before any edge filter
 * @param weightThreshold   the weight edges had to reach or exceed the quantile of (CooRTweet's
 *                          {@code weight_threshold}); 0 when no threshold applied
 * @param edges             kept edges, by (accountId, accountIdY)
 * @param fastEdges         kept edges of the fast sub-network (empty when no fast window)
 * @param accounts          the accounts of the kept edges, by account id
 * @param groups            by decreasing weight
 */
public record DetectionResult(DetectionSettings settings, InputReport input, long traces,
        Map<CoActionType, Long> tracesByType, long windowSeconds, boolean windowEstimated, long pairs,
        double weightThreshold, List<NetworkEdge> edges, List<NetworkEdge> fastEdges, List<AccountNode> accounts,
        List<CoordinatedGroup> groups, List<StageTiming> timings) {

    public DetectionResult {
        tracesByType = Map.copyOf(tracesByType);
        edges = List.copyOf(edges);
        fastEdges = List.copyOf(fastEdges);
        accounts = List.copyOf(accounts);
        groups = List.copyOf(groups);
        timings = List.copyOf(timings);
    }

    public long groupedAccounts() {
        return accounts.stream().filter(AccountNode::inGroup).count();
    }
}

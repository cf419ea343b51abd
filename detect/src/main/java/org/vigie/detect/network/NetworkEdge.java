package org.vigie.detect.network;

import java.util.Arrays;
import org.vigie.detect.coaction.CoActionType;

/**
 * One undirected edge between two accounts, {@code accountId} being the smaller id in byte-wise order.
 *
 * @param pairs              number of co-action pairs (CooRTweet's {@code weight})
 * @param weight             {@code pairs}, or the sum of the pairs' IDF factors when down-weighting is on
 * @param objects            distinct objects the two accounts co-shared
 * @param avgTimeDelta       mean |Δt| of the pairs, in seconds
 * @param nContentId         distinct older shares of the pairs (CooRTweet's {@code n_content_id})
 * @param nContentIdY        distinct newer shares of the pairs (CooRTweet's {@code n_content_id_y})
 * @param edgeSymmetryScore  {@code min(nContentId, nContentIdY) / max(nContentId, nContentIdY)}
 * @param pairsByType        pair counts indexed by {@link CoActionType#ordinal()}
 */
public record NetworkEdge(String accountId, String accountIdY, long pairs, double weight, int objects,
        double avgTimeDelta, int nContentId, int nContentIdY, double edgeSymmetryScore, long[] pairsByType) {

    public long pairs(CoActionType type) {
        return pairsByType[type.ordinal()];
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof NetworkEdge e && accountId.equals(e.accountId) && accountIdY.equals(e.accountIdY)
                && pairs == e.pairs && Double.compare(weight, e.weight) == 0 && objects == e.objects
                && Double.compare(avgTimeDelta, e.avgTimeDelta) == 0 && nContentId == e.nContentId
                && nContentIdY == e.nContentIdY && Double.compare(edgeSymmetryScore, e.edgeSymmetryScore) == 0
                && Arrays.equals(pairsByType, e.pairsByType);
    }

    @Override
    public int hashCode() {
        return 31 * accountId.hashCode() + accountIdY.hashCode();
    }

    @Override
    public String toString() {
        return accountId + " -- " + accountIdY + " pairs=" + pairs + " weight=" + weight + " objects=" + objects
                + " avgTimeDelta=" + avgTimeDelta + " nContentId=" + nContentId + " nContentIdY=" + nContentIdY
                + " symmetry=" + edgeSymmetryScore;
    }
}

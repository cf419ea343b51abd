package org.vigie.server.monitoring;

import java.util.List;
import java.util.Map;

/**
 * What a finished run counted, as its page and the API show it.
 *
 * @param rowErrors      bad rows skipped (within the error budget)
 * @param windowSeconds  the window used; estimated from the data when {@code windowEstimated}
 * @param pairs          co-action pairs before any edge filter
 * @param edges          kept edges; {@code storedEdges} of them are stored (the rest past the cap)
 * @param tracesByType   traces per co-action type key
 * @param timings        per stage: label, items, milliseconds
 */
public record RunSummary(long rowsRead, long posts, long rowErrors, long traces, Map<String, Long> tracesByType, long windowSeconds,
                         boolean windowEstimated, long pairs, double weightThreshold, long edges, long storedEdges, long accounts,
                         long groupedAccounts, int groups, List<StageTime> timings) {

    public record StageTime(String stage, long items, long millis) {
    }
}

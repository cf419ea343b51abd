package org.vigie.detect.network;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * CooRTweet 2.1.3 compatibility: the pairs of {@code detect_groups(x, time_window = W, min_participation = M)}
 * and the edges of {@code generate_coordinated_network(result, edge_weight = E)}, computed by one
 * sort-and-sweep instead of a self-join per object. The input is a {@link TraceTable} whose rows are the
 * rows of CooRTweet's input in the same order ({@code object_id, account_id, content_id, timestamp_share}).
 *
 * <ol>
 * <li>Account prefilter: keep accounts with at least M rows. The kept rows are ordered by account (accounts
 * in order of first appearance), then input order: the "step-1 order".</li>
 * <li>Pairs: within each object, every two rows with {@code |Δt| <= W}.</li>
 * <li>Loop removal: drop a pair when the object equals either content id, the content ids are equal or the
 * accounts are equal.</li>
 * <li>Final participation filter (when M >= 1): C = the content ids in any remaining pair; among the kept
 * rows whose content is in C, the accounts with at least M such rows; F = those rows' contents; keep a pair
 * when either of its contents is in F. "Kept rows": CooRTweet's {@code filter_min_participation} receives the
 * prefiltered table; the two readings differ only when one content id appears under several accounts.</li>
 * <li>Orientation: {@code content_id} is the older share, {@code time_delta = |Δt|}; at equal times the row
 * earlier in the step-1 order is {@code content_id}.</li>
 * <li>Edges per unordered account pair, {@code account_id} = byte-wise smaller account (the content columns
 * keep their orientation): {@code weight} = pairs, {@code avg_time_delta} = mean time_delta,
 * {@code n_content_id} / {@code n_content_id_y} = distinct older / newer contents,
 * {@code edge_symmetry_score} = min / max of these two.</li>
 * <li>{@code weight_threshold} = 1 when {@code weight} is strictly greater than the E-quantile (R type 7,
 * see {@link Quantiles#type7}) of all edge weights, else 0.</li>
 * </ol>
 */
public final class CoorTweetCompat {
    private CoorTweetCompat() {
    }

    /** A pair after orientation, with CooRTweet's column meanings. */
    public record Pair(String objectId, String contentId, String contentIdY, String accountId, String accountIdY,
            long timeDelta) {
    }

    /** A row of CooRTweet's edge list. */
    public record Edge(String accountId, String accountIdY, long weight, double avgTimeDelta, int nContentId,
            int nContentIdY, double edgeSymmetryScore, int weightThreshold) {
    }

    /** The pairs (as rows of the table) and the edges. */
    public static final class Result {
        private final TraceTable table;
        private final int[] first;
        private final int[] second;
        private final List<Edge> edges;
        private final double weightQuantile;

        Result(TraceTable table, int[] first, int[] second, List<Edge> edges, double weightQuantile) {
            this.table = table;
            this.first = first;
            this.second = second;
            this.edges = edges;
            this.weightQuantile = weightQuantile;
        }

        public int pairCount() {
            return first.length;
        }

        public Pair pair(int i) {
            int a = first[i];
            int b = second[i];
            return new Pair(table.objects().name(table.object(a)), table.contents().name(table.content(a)),
                    table.contents().name(table.content(b)), table.accounts().name(table.account(a)),
                    table.accounts().name(table.account(b)), table.time(b) - table.time(a));
        }

        /** The pairs in sweep order (object id, then time); materialised on each call. */
        public List<Pair> pairs() {
            List<Pair> out = new ArrayList<>(first.length);
            for (int i = 0; i < first.length; i++) {
                out.add(pair(i));
            }
            return out;
        }

        /** The edges ordered by (account_id, account_id_y) byte-wise. */
        public List<Edge> edges() {
            return edges;
        }

        /** The E-quantile the weights were compared with (NaN when there is no edge). */
        public double weightQuantile() {
            return weightQuantile;
        }
    }

    public static Result run(TraceTable table, long timeWindow, int minParticipation) {
        return run(table, timeWindow, minParticipation, 0.5);
    }

    public static Result run(TraceTable table, long timeWindow, int minParticipation, double edgeWeight) {
        int n = table.size();
        int accounts = table.accounts().size();
        // 1. account prefilter by rows, and the step-1 order (accounts are interned in order of first appearance)
        int[] rowsPerAccount = new int[accounts];
        for (int r = 0; r < n; r++) {
            rowsPerAccount[table.account(r)]++;
        }
        boolean[] keep = new boolean[n];
        int[] next = new int[accounts + 1];
        for (int a = 0; a < accounts; a++) {
            next[a + 1] = next[a] + rowsPerAccount[a];
        }
        int[] tieRank = new int[n];
        for (int r = 0; r < n; r++) {
            keep[r] = rowsPerAccount[table.account(r)] >= minParticipation;
            tieRank[r] = next[table.account(r)]++;
        }
        boolean[] objectIsContent = new boolean[n];
        for (int r = 0; r < n; r++) {
            objectIsContent[r] = table.objects().name(table.object(r)).equals(table.contents().name(table.content(r)));
        }
        // 2.-3. pairs by sort-and-sweep, loops removed (the sweep already skips same-account pairs)
        IntList first = new IntList();
        IntList second = new IntList();
        int[] order = PairSweep.order(table, keep, tieRank);
        PairSweep.sweep(table, order, timeWindow, (a, b) -> {
            if (!objectIsContent[a] && !objectIsContent[b] && table.content(a) != table.content(b)) {
                first.add(a);
                second.add(b);
            }
        });
        // 4. final participation filter
        if (minParticipation >= 1) {
            int contents = table.contents().size();
            boolean[] inC = new boolean[contents];
            for (int i = 0; i < first.size(); i++) {
                inC[table.content(first.get(i))] = true;
                inC[table.content(second.get(i))] = true;
            }
            int[] rowsInC = new int[accounts];
            for (int r = 0; r < n; r++) {
                if (keep[r] && inC[table.content(r)]) {
                    rowsInC[table.account(r)]++;
                }
            }
            boolean[] inF = new boolean[contents];
            for (int r = 0; r < n; r++) {
                if (keep[r] && inC[table.content(r)] && rowsInC[table.account(r)] >= minParticipation) {
                    inF[table.content(r)] = true;
                }
            }
            first.retain(second, i -> inF[table.content(first.get(i))] || inF[table.content(second.get(i))]);
        }
        // 5.-6. orientation is the sweep's (older first, ties in step-1 order); edges
        EdgeAccumulator acc = new EdgeAccumulator(table);
        for (int i = 0; i < first.size(); i++) {
            acc.add(first.get(i), second.get(i), 1);
        }
        List<NetworkEdge> raw = acc.edges(0);
        // 7. threshold
        double[] weights = new double[raw.size()];
        for (int i = 0; i < weights.length; i++) {
            weights[i] = raw.get(i).pairs();
        }
        Arrays.sort(weights);
        double q = Quantiles.type7(weights, edgeWeight);
        List<Edge> edges = new ArrayList<>(raw.size());
        for (NetworkEdge e : raw) {
            edges.add(new Edge(e.accountId(), e.accountIdY(), e.pairs(), e.avgTimeDelta(), e.nContentId(),
                    e.nContentIdY(), e.edgeSymmetryScore(), e.pairs() > q ? 1 : 0));
        }
        return new Result(table, first.toArray(), second.toArray(), List.copyOf(edges), q);
    }
}

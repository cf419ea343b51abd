package org.vigie.detect.pipeline;

import java.util.Random;
import java.util.stream.IntStream;
import nl.cwts.networkanalysis.LeidenAlgorithm;
import nl.cwts.networkanalysis.Network;
import nl.cwts.util.LargeDoubleArray;
import nl.cwts.util.LargeIntArray;

/**
 * Connected components of a weighted undirected graph, then Leiden communities (modularity, CWTS
 * networkanalysis) inside each component of at least {@code minSize} nodes, each reduced to its 2-core.
 *
 * <p>Why both: components alone merge every group that a single stray edge touches (and all the noise that
 * survived the filters into one blob); Leiden on the whole graph would let one giant noisy component shift the
 * modularity of small clean ones (its null model uses the total weight). Clustering each component on its
 * own keeps a clean isolated group exactly as it is (one clique is its own best partition) and splits a
 * component only where it has a real weak link.
 *
 * <p>Cost: union-find and one counting sort of the edges by component, O(nodes + edges), then Leiden per
 * component, which is near-linear in the component's edges. Deterministic: nodes are numbered by first
 * appearance in the edge list, and each component is clustered with a {@link Random} seeded with
 * {@link #SEED}.
 */
final class Communities {
    static final long SEED = 7L;
    static final int LEIDEN_ITERATIONS = 10;
    static final double RESOLUTION = 1.0;
    /**
     * A component is split into its Leiden communities only when their modularity reaches this; below, it
     * stays one community. Even a random dense graph has a partition of modularity ≈ 0.1–0.2 (fluctuations),
     * and Leiden finds it: without this rule a coordinated group whose members did not all pair in every
     * episode would come out in pieces. 0.3 is the usual mark of significant community structure (Clauset,
     * Newman and Moore, 2004); two cliques joined by one edge score ≈ 0.45.
     */
    static final double MIN_MODULARITY = 0.3;
    /** Edges a member must have to other members of its group (see {@link #peel}). */
    static final int MIN_TIES = 2;

    private Communities() {
    }

    /**
     * @param component   per node, its component (0-based, numbered by first node)
     * @param community   per node, its community, or -1 when it is in none: its community had fewer than
     *                    {@code minSize} nodes, or it had fewer than two ties inside it (communities numbered
     *                    from 0 by first node)
     * @param communities the number of communities kept
     */
    record Partition(int[] component, int[] community, int communities) {
    }

    /**
     * @param nodes nodes are 0..nodes-1
     * @param from  edge ends, each undirected edge once, no self-loop
     * @param to    other edge ends
     * @param weight edge weights (> 0)
     */
    static Partition find(int nodes, int[] from, int[] to, double[] weight, int minSize) {
        int[] component = components(nodes, from, to);
        int components = 0;
        for (int c : component) {
            components = Math.max(components, c + 1);
        }
        int[] size = new int[components];
        int[] local = new int[nodes]; // a node's id inside its component, 0..size-1, as CWTS wants
        for (int v = 0; v < nodes; v++) {
            local[v] = size[component[v]]++;
        }
        int[] edgesByComponent = sortByComponent(from, component, components);
        int[] firstEdge = firstIndex(from, component, components);
        int[][] nodesOf = membersByComponent(component, size);

        int[] community = new int[nodes];
        java.util.Arrays.fill(community, -1);
        // components are clustered on all cores (each with its own seeded random: the same result in any order),
        // then kept in component order
        int[][] clustersOf = new int[components][];
        IntStream.range(0, components).parallel().filter(c -> size[c] >= minSize).forEach(c ->
                clustersOf[c] = leiden(size[c], edgesByComponent, firstEdge[c], firstEdge[c + 1], from, to, weight,
                        local));
        int next = 0;
        for (int c = 0; c < components; c++) {
            if (clustersOf[c] != null) {
                next = keepLarge(clustersOf[c], nodesOf[c], minSize, community, next);
            }
        }
        peel(nodes, from, to, community, Math.min(MIN_TIES, minSize - 1));
        return new Partition(component, community, renumber(community, minSize));
    }

    /**
     * Keeps of each community its 2-core: members are removed, one after another, while they have fewer than
     * {@code minTies} edges to the remaining members ({@link #MIN_TIES}, or 1 when groups of two are asked
     * for, as in CooRTweet mode). A star or a chain of pairs (an account linked to the others only through
     * one tie) is a sequence of coincidences, not a group acting together; the smallest group left is a
     * triangle. O(nodes + edges).
     */
    private static void peel(int nodes, int[] from, int[] to, int[] community, int minTies) {
        int[] start = new int[nodes + 1];
        for (int e = 0; e < from.length; e++) {
            if (community[from[e]] >= 0 && community[from[e]] == community[to[e]]) {
                start[from[e] + 1]++;
                start[to[e] + 1]++;
            }
        }
        for (int v = 0; v < nodes; v++) {
            start[v + 1] += start[v];
        }
        int[] neighbours = new int[start[nodes]];
        int[] filled = java.util.Arrays.copyOf(start, nodes);
        for (int e = 0; e < from.length; e++) {
            if (community[from[e]] >= 0 && community[from[e]] == community[to[e]]) {
                neighbours[filled[from[e]]++] = to[e];
                neighbours[filled[to[e]]++] = from[e];
            }
        }
        int[] ties = new int[nodes];
        int[] queue = new int[nodes];
        int tail = 0;
        for (int v = 0; v < nodes; v++) {
            ties[v] = start[v + 1] - start[v];
            if (community[v] >= 0 && ties[v] < minTies) {
                queue[tail++] = v;
                community[v] = -1;
            }
        }
        for (int head = 0; head < tail; head++) {
            int v = queue[head];
            for (int i = start[v]; i < start[v + 1]; i++) {
                int u = neighbours[i];
                if (community[u] >= 0 && --ties[u] < minTies) {
                    queue[tail++] = u;
                    community[u] = -1;
                }
            }
        }
    }

    /** Drops communities left with fewer than {@code minSize} members; numbers the others by first member. */
    private static int renumber(int[] community, int minSize) {
        int k = 0;
        for (int c : community) {
            k = Math.max(k, c + 1);
        }
        int[] count = new int[k];
        for (int c : community) {
            if (c >= 0) {
                count[c]++;
            }
        }
        int[] id = new int[k];
        java.util.Arrays.fill(id, -1);
        int next = 0;
        for (int v = 0; v < community.length; v++) {
            int c = community[v];
            if (c >= 0 && count[c] >= minSize && id[c] < 0) {
                id[c] = next++;
            }
            community[v] = c >= 0 ? id[c] : -1;
        }
        return next;
    }

    private static int[] components(int nodes, int[] from, int[] to) {
        int[] parent = new int[nodes];
        for (int v = 0; v < nodes; v++) {
            parent[v] = v;
        }
        for (int e = 0; e < from.length; e++) {
            int a = root(parent, from[e]);
            int b = root(parent, to[e]);
            if (a != b) {
                parent[Math.max(a, b)] = Math.min(a, b); // the smaller root wins: labels follow node order
            }
        }
        int[] label = new int[nodes];
        java.util.Arrays.fill(label, -1);
        int[] out = new int[nodes];
        int next = 0;
        for (int v = 0; v < nodes; v++) {
            int r = root(parent, v);
            if (label[r] < 0) {
                label[r] = next++;
            }
            out[v] = label[r];
        }
        return out;
    }

    private static int root(int[] parent, int v) {
        while (parent[v] != v) {
            parent[v] = parent[parent[v]];
            v = parent[v];
        }
        return v;
    }

    /** Edge indices grouped by component (counting sort, stable). */
    private static int[] sortByComponent(int[] from, int[] component, int components) {
        int[] start = firstIndex(from, component, components);
        int[] out = new int[from.length];
        for (int e = 0; e < from.length; e++) {
            out[start[component[from[e]]]++] = e;
        }
        return out;
    }

    private static int[] firstIndex(int[] from, int[] component, int components) {
        int[] start = new int[components + 1];
        for (int f : from) {
            start[component[f] + 1]++;
        }
        for (int c = 0; c < components; c++) {
            start[c + 1] += start[c];
        }
        return start;
    }

    private static int[][] membersByComponent(int[] component, int[] size) {
        int[][] members = new int[size.length][];
        int[] filled = new int[size.length];
        for (int c = 0; c < size.length; c++) {
            members[c] = new int[size[c]];
        }
        for (int v = 0; v < component.length; v++) {
            int c = component[v];
            members[c][filled[c]++] = v;
        }
        return members;
    }

    /** Leiden on one component; returns each local node's cluster. */
    private static int[] leiden(int n, int[] edgeOrder, int fromIndex, int toIndex, int[] from, int[] to,
            double[] weight, int[] local) {
        int m = toIndex - fromIndex;
        LargeIntArray[] ends = {new LargeIntArray(m), new LargeIntArray(m)};
        LargeDoubleArray w = new LargeDoubleArray(m);
        for (int i = 0; i < m; i++) {
            int e = edgeOrder[fromIndex + i];
            ends[0].set(i, local[from[e]]);
            ends[1].set(i, local[to[e]]);
            w.set(i, weight[e]);
        }
        // node weights = total edge weight per node and resolution / 2m: CPM becomes modularity (as in CWTS's CLI)
        Network network = new Network(n, true, ends, w, false, false);
        double resolution = RESOLUTION / (2 * network.getTotalEdgeWeight() + network.getTotalEdgeWeightSelfLinks());
        LeidenAlgorithm leiden = new LeidenAlgorithm(resolution, LEIDEN_ITERATIONS,
                LeidenAlgorithm.DEFAULT_RANDOMNESS, new Random(SEED));
        int[] clusters = leiden.findClustering(network).getClusters();
        if (modularity(clusters, edgeOrder, fromIndex, toIndex, from, to, weight, local) < MIN_MODULARITY) {
            return new int[n]; // no significant structure: the component stays whole
        }
        return clusters;
    }

    /** Newman's modularity Q of a partition of one component (weighted, resolution 1). */
    static double modularity(int[] clusters, int[] edgeOrder, int fromIndex, int toIndex, int[] from, int[] to,
            double[] weight, int[] local) {
        int k = 0;
        for (int c : clusters) {
            k = Math.max(k, c + 1);
        }
        double[] inside = new double[k];
        double[] degree = new double[k];
        double total = 0;
        for (int i = fromIndex; i < toIndex; i++) {
            int e = edgeOrder[i];
            int a = clusters[local[from[e]]];
            int b = clusters[local[to[e]]];
            total += weight[e];
            degree[a] += weight[e];
            degree[b] += weight[e];
            if (a == b) {
                inside[a] += weight[e];
            }
        }
        double q = 0;
        for (int c = 0; c < k; c++) {
            q += inside[c] / total - (degree[c] / (2 * total)) * (degree[c] / (2 * total));
        }
        return q;
    }

    /** Numbers the clusters of at least {@code minSize} nodes from {@code next}, in order of their first node. */
    private static int keepLarge(int[] clusters, int[] members, int minSize, int[] community, int next) {
        int k = 0;
        for (int c : clusters) {
            k = Math.max(k, c + 1);
        }
        int[] count = new int[k];
        for (int c : clusters) {
            count[c]++;
        }
        int[] id = new int[k];
        java.util.Arrays.fill(id, -1);
        for (int i = 0; i < members.length; i++) {
            int c = clusters[i];
            if (count[c] >= minSize) {
                if (id[c] < 0) {
                    id[c] = next++;
                }
                community[members[i]] = id[c];
            }
        }
        return next;
    }
}

package org.vigie.core.reports;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Correlation clusters: the connected components of reports linked by the keys they share (an
 * observable, an actor, a narrative). Reports are the nodes; each (report, key) pair read from the
 * correlation index is a link from the report to the key, so a key carried by {@code k} reports
 * costs {@code k} links, not {@code k²} edges, and the components are the same.
 *
 * <p>Union-find with path halving and union by size: near-linear in the number of links. Which
 * links are given is the caller's business: in Vigie, only those of reports the reader may see.
 *
 * @param <K> the key type (in Vigie, a kind and a normalised value)
 */
public final class Clusters<K> {

    /**
     * A component of at least two reports.
     *
     * @param reports the reports, in the order they were first linked
     * @param keys    the keys that link them (carried by two reports of the cluster or more), with
     *                how many of its reports carry each, most shared first
     */
    public record Cluster<K>(List<String> reports, List<SharedKey<K>> keys) {

        public Cluster {
            reports = List.copyOf(reports);
            keys = List.copyOf(keys);
        }

        public int size() {
            return reports.size();
        }
    }

    /** A key and how many of a cluster's reports carry it. */
    public record SharedKey<K>(K key, int reports) {
    }

    private final Map<String, Integer> index = new HashMap<>();
    private final List<String> reports = new ArrayList<>();
    private int[] parent = new int[64];
    private int[] size = new int[64];
    /** Per key: its first report and the reports that carry it. */
    private final Map<K, List<Integer>> carriers = new LinkedHashMap<>();

    public static <K> Clusters<K> create() {
        return new Clusters<>();
    }

    private Clusters() {
    }

    /** Records that {@code report} carries {@code key}; the same pair twice counts once. */
    public Clusters<K> link(String report, K key) {
        Objects.requireNonNull(report, "report");
        Objects.requireNonNull(key, "key");
        int node = node(report);
        List<Integer> carrying = carriers.computeIfAbsent(key, k -> new ArrayList<>(2));
        if (!carrying.isEmpty()) {
            union(carrying.get(0), node);
        }
        carrying.add(node); // a repeated pair is counted once when clusters are read
        return this;
    }

    /** Links two reports directly (an edge), without a key. */
    public Clusters<K> join(String a, String b) {
        union(node(a), node(b));
        return this;
    }

    /** Whether the two reports are in one component. */
    public boolean connected(String a, String b) {
        Integer x = index.get(a);
        Integer y = index.get(b);
        return x != null && y != null && find(x) == find(y);
    }

    /** The components of at least {@code minSize} reports (never below 2), largest first. */
    public List<Cluster<K>> clusters(int minSize) {
        int least = Math.max(2, minSize);
        Map<Integer, List<String>> members = new LinkedHashMap<>();
        for (int node = 0; node < reports.size(); node++) {
            members.computeIfAbsent(find(node), root -> new ArrayList<>()).add(reports.get(node));
        }
        Map<Integer, List<SharedKey<K>>> keys = new HashMap<>();
        carriers.forEach((key, carrying) -> {
            int distinct = distinct(carrying);
            if (distinct >= 2) {
                keys.computeIfAbsent(find(carrying.get(0)), root -> new ArrayList<>()).add(new SharedKey<>(key, distinct));
            }
        });
        List<Cluster<K>> clusters = new ArrayList<>();
        members.forEach((root, names) -> {
            if (names.size() >= least) {
                List<SharedKey<K>> linking = new ArrayList<>(keys.getOrDefault(root, List.of()));
                linking.sort(Comparator.comparingInt((SharedKey<K> k) -> k.reports()).reversed());
                clusters.add(new Cluster<>(names, linking));
            }
        });
        // largest first; among equals, the one with more linking keys, then a stable order by first report
        clusters.sort(Comparator.comparingInt((Cluster<K> c) -> c.size()).reversed()
                .thenComparing(Comparator.comparingInt((Cluster<K> c) -> c.keys().size()).reversed())
                .thenComparing(c -> c.reports().get(0)));
        return List.copyOf(clusters);
    }

    private static int distinct(List<Integer> nodes) {
        if (nodes.size() <= 8) {
            int count = 0;
            for (int i = 0; i < nodes.size(); i++) {
                if (nodes.subList(0, i).indexOf(nodes.get(i)) < 0) {
                    count++;
                }
            }
            return count;
        }
        return new java.util.HashSet<>(nodes).size();
    }

    /** How many distinct reports have been linked so far. */
    public int reportCount() {
        return reports.size();
    }

    private int node(String report) {
        Integer known = index.get(report);
        if (known != null) {
            return known;
        }
        int node = reports.size();
        if (node == parent.length) {
            parent = java.util.Arrays.copyOf(parent, node * 2);
            size = java.util.Arrays.copyOf(size, node * 2);
        }
        parent[node] = node;
        size[node] = 1;
        reports.add(report);
        index.put(report, node);
        return node;
    }

    private int find(int node) {
        int x = node;
        while (parent[x] != x) {
            parent[x] = parent[parent[x]]; // path halving
            x = parent[x];
        }
        return x;
    }

    private void union(int a, int b) {
        int x = find(a);
        int y = find(b);
        if (x == y) {
            return;
        }
        if (size[x] < size[y]) {
            int t = x;
            x = y;
            y = t;
        }
        parent[y] = x;
        size[x] += size[y];
    }
}

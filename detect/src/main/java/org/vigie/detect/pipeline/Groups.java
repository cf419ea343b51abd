package org.vigie.detect.pipeline;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.vigie.detect.coaction.CoActionType;
import org.vigie.detect.network.NetworkEdge;
import org.vigie.detect.network.TraceTable;

/**
 * Groups of the kept network: Leiden communities inside its connected components, each reduced to its 2-core
 * ({@link Communities}), of at least {@code minGroupSize} accounts; per account a coordination score, per group its edges, weight, density,
 * pairs per co-action type, and what it shared ({@link GroupEvidence}). See {@code docs/detect/groups.md}.
 *
 * <p>Everything is a pass over the edges or the traces with arrays indexed by account: O(edges + traces),
 * whatever the number of groups.
 *
 * <p><b>Coordination score</b> of an account in group G, in [0, 1]:
 * {@code (w_in / s) × (w_in / max over G of w_in)}, where {@code s} is the account's strength (sum of the
 * weights of its kept edges) and {@code w_in} the part of it on edges to other members of G. The first factor
 * says how much of its coordination is with its own group, the second how strongly it takes part compared
 * with the group's most engaged member. Accounts in no group score 0.
 */
final class Groups {
    private final List<AccountNode> accounts;
    private final List<CoordinatedGroup> groups;

    private Groups(List<AccountNode> accounts, List<CoordinatedGroup> groups) {
        this.accounts = accounts;
        this.groups = groups;
    }

    List<AccountNode> accounts() {
        return accounts;
    }

    List<CoordinatedGroup> groups() {
        return groups;
    }

    static Groups find(List<NetworkEdge> edges, TraceTable table, Detection.Accounts facts,
            DetectionSettings settings) {
        Graph graph = Graph.of(edges);
        Communities.Partition partition = Communities.find(graph.names.size(), graph.from, graph.to, graph.weight,
                settings.minGroupSize());
        Tallies tallies = Tallies.of(graph, edges, partition);
        int[] order = tallies.groupsByWeight(graph.names);
        int[] groupOf = renumber(partition.community(), order);
        double[] score = tallies.scores(graph, partition.community());
        int[] componentOfGroup = componentIds(order, tallies.componentOf);

        GroupEvidence evidence = GroupEvidence.collect(table, groupOfInterned(table, graph, groupOf), order.length);
        List<CoordinatedGroup> groups = new ArrayList<>();
        List<List<Integer>> members = membersOf(groupOf, order.length, score, graph.names);
        for (int g = 0; g < order.length; g++) {
            int c = order[g];
            List<String> ids = members.get(g).stream().map(graph.names::get).toList();
            groups.add(new CoordinatedGroup(g, componentOfGroup[g], ids, platforms(ids, facts), tallies.edges[c],
                    tallies.weight[c], density(tallies.edges[c], ids.size()), tallies.pairsByType(c),
                    evidence.top(g), evidence.first(g), evidence.last(g), evidence.posts(g)));
        }
        List<AccountNode> nodes = new ArrayList<>();
        for (int v = 0; v < graph.names.size(); v++) {
            String id = graph.names.get(v);
            nodes.add(new AccountNode(id, facts.platform(id), groupOf[v], score[v], facts.posts(id), facts.traces(id),
                    graph.degree[v], graph.strength[v]));
        }
        nodes.sort(Comparator.comparing(AccountNode::accountId));
        return new Groups(nodes, groups);
    }

    /** The network as arrays: accounts numbered by first appearance in the (sorted) edge list. */
    private record Graph(List<String> names, int[] from, int[] to, double[] weight, int[] degree,
            double[] strength) {

        static Graph of(List<NetworkEdge> edges) {
            Map<String, Integer> index = new HashMap<>();
            List<String> names = new ArrayList<>();
            int m = edges.size();
            int[] from = new int[m];
            int[] to = new int[m];
            double[] weight = new double[m];
            for (int e = 0; e < m; e++) {
                NetworkEdge edge = edges.get(e);
                from[e] = index.computeIfAbsent(edge.accountId(), k -> add(names, k));
                to[e] = index.computeIfAbsent(edge.accountIdY(), k -> add(names, k));
                weight[e] = edge.weight();
            }
            int[] degree = new int[names.size()];
            double[] strength = new double[names.size()];
            for (int e = 0; e < m; e++) {
                degree[from[e]]++;
                degree[to[e]]++;
                strength[from[e]] += weight[e];
                strength[to[e]] += weight[e];
            }
            return new Graph(names, from, to, weight, degree, strength);
        }

        private static int add(List<String> names, String name) {
            names.add(name);
            return names.size() - 1;
        }
    }

    /** Per community: its edges, weight, pairs per type and component; per account its weight inside. */
    private static final class Tallies {
        final int[] edges;
        final double[] weight;
        final long[][] pairs;
        final int[] componentOf;
        final int[] firstMember;
        double[] inside;

        private Tallies(int communities) {
            edges = new int[communities];
            weight = new double[communities];
            pairs = new long[communities][CoActionType.values().length];
            componentOf = new int[communities];
            firstMember = new int[communities];
            Arrays.fill(firstMember, -1);
        }

        static Tallies of(Graph graph, List<NetworkEdge> list, Communities.Partition p) {
            int[] community = p.community();
            Tallies t = new Tallies(p.communities());
            t.inside = new double[graph.names.size()];
            for (int v = 0; v < community.length; v++) {
                int c = community[v];
                if (c >= 0 && t.firstMember[c] < 0) {
                    t.firstMember[c] = v;
                    t.componentOf[c] = p.component()[v];
                }
            }
            for (int e = 0; e < graph.from.length; e++) {
                int c = community[graph.from[e]];
                if (c < 0 || c != community[graph.to[e]]) {
                    continue;
                }
                t.edges[c]++;
                t.weight[c] += graph.weight[e];
                t.inside[graph.from[e]] += graph.weight[e];
                t.inside[graph.to[e]] += graph.weight[e];
                NetworkEdge edge = list.get(e);
                for (CoActionType type : CoActionType.values()) {
                    t.pairs[c][type.ordinal()] += edge.pairs(type);
                }
            }
            return t;
        }

        /** Community ids by decreasing weight, ties by the first member's account id. */
        int[] groupsByWeight(List<String> names) {
            Integer[] ids = new Integer[edges.length];
            for (int c = 0; c < ids.length; c++) {
                ids[c] = c;
            }
            Arrays.sort(ids, Comparator.comparingDouble((Integer c) -> -weight[c])
                    .thenComparing(c -> names.get(firstMember[c])));
            return Arrays.stream(ids).mapToInt(Integer::intValue).toArray();
        }

        Map<CoActionType, Long> pairsByType(int c) {
            Map<CoActionType, Long> out = new EnumMap<>(CoActionType.class);
            for (CoActionType type : CoActionType.values()) {
                if (pairs[c][type.ordinal()] > 0) {
                    out.put(type, pairs[c][type.ordinal()]);
                }
            }
            return out;
        }

        /** The coordination score of every account (see the class comment). */
        double[] scores(Graph graph, int[] community) {
            double[] maxInside = new double[edges.length];
            for (int v = 0; v < community.length; v++) {
                if (community[v] >= 0) {
                    maxInside[community[v]] = Math.max(maxInside[community[v]], inside[v]);
                }
            }
            double[] score = new double[community.length];
            for (int v = 0; v < community.length; v++) {
                int c = community[v];
                if (c >= 0 && inside[v] > 0) {
                    score[v] = Math.min(1, (inside[v] / graph.strength[v]) * (inside[v] / maxInside[c]));
                }
            }
            return score;
        }
    }

    /** Per account, its group id in weight order (-1 for none). */
    private static int[] renumber(int[] community, int[] order) {
        int[] rank = new int[order.length];
        for (int g = 0; g < order.length; g++) {
            rank[order[g]] = g;
        }
        int[] out = new int[community.length];
        for (int v = 0; v < community.length; v++) {
            out[v] = community[v] < 0 ? -1 : rank[community[v]];
        }
        return out;
    }

    /** Components numbered in the order their first group appears (group 0's component is 0). */
    private static int[] componentIds(int[] order, int[] componentOf) {
        Map<Integer, Integer> ids = new HashMap<>();
        int[] out = new int[order.length];
        for (int g = 0; g < order.length; g++) {
            out[g] = ids.computeIfAbsent(componentOf[order[g]], k -> ids.size());
        }
        return out;
    }

    private static List<List<Integer>> membersOf(int[] groupOf, int groups, double[] score, List<String> names) {
        List<List<Integer>> members = new ArrayList<>();
        for (int g = 0; g < groups; g++) {
            members.add(new ArrayList<>());
        }
        for (int v = 0; v < groupOf.length; v++) {
            if (groupOf[v] >= 0) {
                members.get(groupOf[v]).add(v);
            }
        }
        for (List<Integer> m : members) {
            m.sort(Comparator.comparingDouble((Integer v) -> -score[v]).thenComparing(names::get));
        }
        return members;
    }

    private static int[] groupOfInterned(TraceTable table, Graph graph, int[] groupOf) {
        int[] out = new int[table.accounts().size()];
        Arrays.fill(out, -1);
        for (int v = 0; v < graph.names.size(); v++) {
            int a = table.accounts().find(graph.names.get(v));
            if (a >= 0) {
                out[a] = groupOf[v];
            }
        }
        return out;
    }

    private static List<String> platforms(List<String> members, Detection.Accounts facts) {
        Set<String> platforms = new TreeSet<>();
        for (String m : members) {
            String p = facts.platform(m);
            if (p != null) {
                platforms.add(p);
            }
        }
        return List.copyOf(platforms);
    }

    private static double density(int edges, int members) {
        long possible = (long) members * (members - 1) / 2;
        return possible == 0 ? 0 : edges / (double) possible;
    }
}

package org.vigie.detect.pipeline;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.vigie.detect.coaction.CoActionType;
import org.vigie.detect.network.NetworkEdge;
import org.vigie.detect.network.TraceTable;

/**
 * Groups of the kept network: its connected components of at least {@code minGroupSize} accounts, with per
 * account a score (its strength relative to the strongest member of its group), and per group the objects
 * its members shared and the evidence shares.
 */
final class Groups {
    static final int TOP_OBJECTS = 10;
    static final int MAX_EVIDENCE = 200;

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
        Map<String, Integer> index = new HashMap<>();
        List<String> names = new ArrayList<>();
        for (NetworkEdge e : edges) {
            for (String a : List.of(e.accountId(), e.accountIdY())) {
                if (index.putIfAbsent(a, names.size()) == null) {
                    names.add(a);
                }
            }
        }
        int n = names.size();
        int[] parent = new int[n];
        for (int i = 0; i < n; i++) {
            parent[i] = i;
        }
        int[] degree = new int[n];
        double[] strength = new double[n];
        for (NetworkEdge e : edges) {
            int a = index.get(e.accountId());
            int b = index.get(e.accountIdY());
            degree[a]++;
            degree[b]++;
            strength[a] += e.weight();
            strength[b] += e.weight();
            parent[root(parent, a)] = root(parent, b);
        }
        Map<Integer, List<Integer>> components = new HashMap<>();
        for (int i = 0; i < n; i++) {
            components.computeIfAbsent(root(parent, i), k -> new ArrayList<>()).add(i);
        }
        List<List<Integer>> kept = new ArrayList<>();
        for (List<Integer> c : components.values()) {
            if (c.size() >= settings.minGroupSize()) {
                kept.add(c);
            }
        }
        int[] groupOf = new int[n];
        java.util.Arrays.fill(groupOf, -1);
        List<Draft> drafts = new ArrayList<>();
        for (List<Integer> members : kept) {
            drafts.add(new Draft(members));
        }
        for (NetworkEdge e : edges) {
            int a = index.get(e.accountId());
            int b = index.get(e.accountIdY());
            for (Draft d : drafts) {
                if (d.members.contains(a)) {
                    if (d.members.contains(b)) {
                        d.edge(e);
                    }
                    break;
                }
            }
        }
        drafts.sort(Comparator.comparingDouble((Draft d) -> -d.weight).thenComparing(d -> names.get(d.first())));
        for (int g = 0; g < drafts.size(); g++) {
            for (int m : drafts.get(g).members) {
                groupOf[m] = g;
            }
        }
        double[] score = new double[n];
        for (Draft d : drafts) {
            double max = 0;
            for (int m : d.members) {
                max = Math.max(max, strength[m]);
            }
            for (int m : d.members) {
                score[m] = max == 0 ? 0 : strength[m] / max;
            }
        }
        Evidence evidence = Evidence.collect(table, index, groupOf, drafts.size());

        List<CoordinatedGroup> groups = new ArrayList<>();
        for (int g = 0; g < drafts.size(); g++) {
            Draft d = drafts.get(g);
            List<Integer> members = new ArrayList<>(d.members);
            members.sort(Comparator.comparingDouble((Integer m) -> -score[m]).thenComparing(names::get));
            List<String> memberIds = members.stream().map(names::get).toList();
            Set<String> platforms = new TreeSet<>();
            for (String m : memberIds) {
                String p = facts.platform(m);
                if (p != null) {
                    platforms.add(p);
                }
            }
            long possible = (long) d.members.size() * (d.members.size() - 1) / 2;
            groups.add(new CoordinatedGroup(g, g, memberIds, List.copyOf(platforms), d.edges, d.weight,
                    possible == 0 ? 0 : d.edges / (double) possible, d.pairsByType, evidence.top(g), evidence.first(g),
                    evidence.last(g), evidence.posts(g)));
        }
        List<AccountNode> nodes = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String id = names.get(i);
            nodes.add(new AccountNode(id, facts.platform(id), groupOf[i], groupOf[i] < 0 ? 0 : score[i],
                    facts.posts(id), facts.traces(id), degree[i], strength[i]));
        }
        nodes.sort(Comparator.comparing(AccountNode::accountId));
        return new Groups(nodes, groups);
    }

    private static int root(int[] parent, int i) {
        while (parent[i] != i) {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        return i;
    }

    private static final class Draft {
        final Set<Integer> members;
        int edges;
        double weight;
        final Map<CoActionType, Long> pairsByType = new EnumMap<>(CoActionType.class);

        Draft(List<Integer> members) {
            this.members = new LinkedHashSet<>(members);
        }

        int first() {
            return members.iterator().next();
        }

        void edge(NetworkEdge e) {
            edges++;
            weight += e.weight();
            for (CoActionType t : CoActionType.values()) {
                long p = e.pairs(t);
                if (p > 0) {
                    pairsByType.merge(t, p, Long::sum);
                }
            }
        }
    }

    /** The shares of grouped accounts, per group: objects shared by at least two members, and their posts. */
    private static final class Evidence {
        private final List<List<SharedObject>> top = new ArrayList<>();
        private final List<List<EvidencePost>> posts = new ArrayList<>();

        static Evidence collect(TraceTable table, Map<String, Integer> index, int[] groupOf, int groups) {
            List<Map<Integer, Set<Integer>>> accountsByObject = new ArrayList<>();
            List<Map<Integer, Long>> sharesByObject = new ArrayList<>();
            for (int g = 0; g < groups; g++) {
                accountsByObject.add(new HashMap<>());
                sharesByObject.add(new HashMap<>());
            }
            int[] groupOfInterned = new int[table.accounts().size()];
            for (int a = 0; a < groupOfInterned.length; a++) {
                Integer i = index.get(table.accounts().name(a));
                groupOfInterned[a] = i == null ? -1 : groupOf[i];
            }
            for (int r = 0; r < table.size(); r++) {
                int g = groupOfInterned[table.account(r)];
                if (g >= 0) {
                    accountsByObject.get(g).computeIfAbsent(table.object(r), k -> new HashSet<>()).add(table.account(r));
                    sharesByObject.get(g).merge(table.object(r), 1L, Long::sum);
                }
            }
            Evidence evidence = new Evidence();
            for (int g = 0; g < groups; g++) {
                Map<Integer, Set<Integer>> byObject = accountsByObject.get(g);
                Map<Integer, Long> shares = sharesByObject.get(g);
                List<Integer> objects = new ArrayList<>();
                byObject.forEach((o, accounts) -> {
                    if (accounts.size() >= 2) {
                        objects.add(o);
                    }
                });
                objects.sort(Comparator.comparingInt((Integer o) -> -byObject.get(o).size())
                        .thenComparingLong(o -> -shares.get(o)).thenComparing(o -> table.objects().name(o)));
                List<Integer> topObjects = objects.subList(0, Math.min(TOP_OBJECTS, objects.size()));
                List<SharedObject> shared = new ArrayList<>();
                for (int o : topObjects) {
                    shared.add(new SharedObject(null, table.objects().name(o), byObject.get(o).size(), shares.get(o)));
                }
                evidence.top.add(shared);
                evidence.posts.add(new ArrayList<>());
            }
            // second pass: types of the top objects and the evidence shares, in time order per group
            List<Map<Integer, Integer>> topIndex = new ArrayList<>();
            for (int g = 0; g < groups; g++) {
                Map<Integer, Integer> ix = new HashMap<>();
                List<SharedObject> shared = evidence.top.get(g);
                for (int i = 0; i < shared.size(); i++) {
                    ix.put(table.objects().find(shared.get(i).objectId()), i);
                }
                topIndex.add(ix);
            }
            for (int r = 0; r < table.size(); r++) {
                int g = groupOfInterned[table.account(r)];
                if (g < 0) {
                    continue;
                }
                Integer i = topIndex.get(g).get(table.object(r));
                if (i == null) {
                    continue;
                }
                List<SharedObject> shared = evidence.top.get(g);
                SharedObject o = shared.get(i);
                if (o.type() == null) {
                    shared.set(i, new SharedObject(table.type(r), o.objectId(), o.accounts(), o.shares()));
                }
                evidence.posts.get(g).add(new EvidencePost(table.contents().name(table.content(r)),
                        table.accounts().name(table.account(r)), table.time(r), table.type(r), o.objectId()));
            }
            for (List<EvidencePost> p : evidence.posts) {
                p.sort(Comparator.comparingLong(EvidencePost::epochSecond).thenComparing(EvidencePost::postId));
            }
            return evidence;
        }

        List<SharedObject> top(int g) {
            return top.get(g);
        }

        List<EvidencePost> posts(int g) {
            List<EvidencePost> all = posts.get(g);
            return all.subList(0, Math.min(MAX_EVIDENCE, all.size()));
        }

        long first(int g) {
            return posts.get(g).isEmpty() ? 0 : posts.get(g).get(0).epochSecond();
        }

        long last(int g) {
            List<EvidencePost> p = posts.get(g);
            return p.isEmpty() ? 0 : p.get(p.size() - 1).epochSecond();
        }
    }
}

package org.vigie.detect.pipeline;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.vigie.detect.coaction.CoActionType;
import org.vigie.detect.network.TraceTable;

/**
 * What each group shared: the objects at least two of its members acted on (the top ones by members, then
 * shares), the members' shares of those top objects as evidence posts, and the time span of all the
 * members' shares of co-shared objects.
 *
 * <p>Two passes over the traces, each touching only the rows of grouped accounts through one hash map keyed
 * by (group, object): O(traces), whatever the number of groups.
 */
final class GroupEvidence {
    static final int TOP_OBJECTS = 10;
    /** Evidence posts per top object, so one very repeated object cannot hide the others. */
    static final int EVIDENCE_PER_OBJECT = 20;
    static final int MAX_EVIDENCE = TOP_OBJECTS * EVIDENCE_PER_OBJECT;

    private final List<List<SharedObject>> top = new ArrayList<>();
    private final List<List<EvidencePost>> posts = new ArrayList<>();
    private final long[] first;
    private final long[] last;

    private GroupEvidence(int groups) {
        first = new long[groups];
        last = new long[groups];
    }

    /** One (group, object): its type, the members that shared it, their shares and when. */
    private static final class Tally {
        final int object;
        final CoActionType type;
        final Set<Integer> accounts = new HashSet<>(4);
        long shares;
        long first = Long.MAX_VALUE;
        long last = Long.MIN_VALUE;
        int evidence;

        Tally(int object, CoActionType type) {
            this.object = object;
            this.type = type;
        }

        void add(int account, long time) {
            accounts.add(account);
            shares++;
            first = Math.min(first, time);
            last = Math.max(last, time);
        }
    }

    /**
     * @param groupOfAccount per interned account of {@code table}, its group or -1
     */
    static GroupEvidence collect(TraceTable table, int[] groupOfAccount, int groups) {
        GroupEvidence evidence = new GroupEvidence(groups);
        List<List<Tally>> shared = evidence.coShared(tallies(table, groupOfAccount), groups);
        Map<Long, Tally> topTallies = new HashMap<>();
        for (int g = 0; g < groups; g++) {
            evidence.top.add(evidence.topObjects(table, g, shared.get(g), topTallies));
            evidence.posts.add(new ArrayList<>());
        }
        evidence.collectPosts(table, groupOfAccount, topTallies);
        return evidence;
    }

    /** One tally per (group, object) over the traces of grouped accounts. */
    private static Map<Long, Tally> tallies(TraceTable table, int[] groupOfAccount) {
        Map<Long, Tally> tallies = new HashMap<>();
        for (int r = 0; r < table.size(); r++) {
            int g = groupOfAccount[table.account(r)];
            if (g >= 0) {
                int o = table.object(r);
                Tally t = tallies.get(key(g, o));
                if (t == null) {
                    t = new Tally(o, table.type(r));
                    tallies.put(key(g, o), t);
                }
                t.add(table.account(r), table.time(r));
            }
        }
        return tallies;
    }

    /** Per group, the objects at least two members shared; their shares set the group's time span. */
    private List<List<Tally>> coShared(Map<Long, Tally> tallies, int groups) {
        List<List<Tally>> shared = new ArrayList<>();
        for (int g = 0; g < groups; g++) {
            shared.add(new ArrayList<>());
            first[g] = Long.MAX_VALUE;
            last[g] = Long.MIN_VALUE;
        }
        for (Map.Entry<Long, Tally> e : tallies.entrySet()) {
            Tally t = e.getValue();
            if (t.accounts.size() >= 2) {
                int g = (int) (e.getKey() >>> 32);
                shared.get(g).add(t);
                first[g] = Math.min(first[g], t.first);
                last[g] = Math.max(last[g], t.last);
            }
        }
        for (int g = 0; g < groups; g++) {
            if (shared.get(g).isEmpty()) {
                first[g] = 0;
                last[g] = 0;
            }
        }
        return shared;
    }

    /** The group's top objects: most members, then most shares, then id. */
    private List<SharedObject> topObjects(TraceTable table, int g, List<Tally> objects, Map<Long, Tally> topTallies) {
        objects.sort(Comparator.comparingInt((Tally t) -> -t.accounts.size()).thenComparingLong(t -> -t.shares)
                .thenComparing(t -> table.objects().name(t.object)));
        List<SharedObject> top = new ArrayList<>();
        for (Tally t : objects.subList(0, Math.min(TOP_OBJECTS, objects.size()))) {
            top.add(new SharedObject(t.type, table.objects().name(t.object), t.accounts.size(), t.shares));
            topTallies.put(key(g, t.object), t);
        }
        return top;
    }

    /** The members' shares of their group's top objects, at most {@link #EVIDENCE_PER_OBJECT} per object. */
    private void collectPosts(TraceTable table, int[] groupOfAccount, Map<Long, Tally> topTallies) {
        List<List<Integer>> rowsOf = new ArrayList<>();
        for (int g = 0; g < top.size(); g++) {
            rowsOf.add(new ArrayList<>());
        }
        for (int r = 0; r < table.size(); r++) {
            int g = groupOfAccount[table.account(r)];
            if (g >= 0 && topTallies.containsKey(key(g, table.object(r)))) {
                rowsOf.get(g).add(r);
            }
        }
        for (int g = 0; g < top.size(); g++) {
            List<Integer> rows = rowsOf.get(g);
            // earliest shares first, so the evidence shows how each object started spreading in the group
            rows.sort(Comparator.comparingLong((Integer r) -> table.time(r))
                    .thenComparing(r -> table.contents().name(table.content(r))));
            for (int r : rows) {
                Tally t = topTallies.get(key(g, table.object(r)));
                if (t.evidence++ < EVIDENCE_PER_OBJECT) {
                    posts.get(g).add(new EvidencePost(table.contents().name(table.content(r)),
                            table.accounts().name(table.account(r)), table.time(r), table.type(r),
                            table.objects().name(t.object)));
                }
            }
        }
    }

    private static long key(int group, int object) {
        return ((long) group << 32) | (object & 0xffffffffL);
    }

    List<SharedObject> top(int g) {
        return top.get(g);
    }

    List<EvidencePost> posts(int g) {
        return posts.get(g);
    }

    long first(int g) {
        return first[g];
    }

    long last(int g) {
        return last[g];
    }
}

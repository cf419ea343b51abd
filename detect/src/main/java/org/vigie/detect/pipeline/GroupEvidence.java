package org.vigie.detect.pipeline;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;
import org.vigie.detect.coaction.CoActionType;
import org.vigie.detect.network.TraceTable;

/**
 * What each group shared: the objects at least two of its members acted on (the top ones by members, then
 * shares), the members' shares of those top objects as evidence posts, and the time span of all the
 * members' shares of co-shared objects.
 *
 * <p>Two passes over the traces, each touching only the rows of grouped accounts through one hash table keyed
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

    /** One (group, object): its type, how many members shared it, their shares and when. */
    private static final class Tally {
        final int object;
        final CoActionType type;
        int accounts;
        long shares;
        long first = Long.MAX_VALUE;
        long last = Long.MIN_VALUE;
        int evidence;

        Tally(int object, CoActionType type) {
            this.object = object;
            this.type = type;
        }

        void add(long time) {
            shares++;
            first = Math.min(first, time);
            last = Math.max(last, time);
        }
    }

    /**
     * The tallies by (group, object) key, and the (tally, account) pairs seen, in open-addressing tables of longs:
     * the grouped accounts' traces are millions at ten million posts, and a boxed key and a set of boxed accounts
     * per tally made this pass most of the groups stage.
     */
    private static final class Tallies {
        final List<Tally> list = new ArrayList<>();
        final LongSet keys = new LongSet();
        private final LongSet accountsSeen = new LongSet();

        /** The tally of {@code key}, or null. */
        Tally get(long key) {
            int i = keys.indexOf(key);
            return i < 0 ? null : list.get(keys.value(i));
        }

        void add(long key, int object, CoActionType type, int account, long time) {
            int i = keys.indexOf(key);
            int index;
            if (i < 0) {
                index = list.size();
                list.add(new Tally(object, type));
                keys.put(key, index);
            } else {
                index = keys.value(i);
            }
            Tally t = list.get(index);
            if (accountsSeen.indexOf(((long) index << 32) | (account & 0xffffffffL)) < 0) {
                accountsSeen.put(((long) index << 32) | (account & 0xffffffffL), 0);
                t.accounts++;
            }
            t.add(time);
        }
    }

    /** Long keys to int values, open addressing (keys are never negative here: -1 marks a free slot). */
    private static final class LongSet {
        private long[] keys = filled(1024);
        private int[] values = new int[1024];
        private int size;

        /** The slot of {@code key}, or -1. */
        int indexOf(long key) {
            int mask = keys.length - 1;
            int h = mix(key) & mask;
            while (keys[h] != -1) {
                if (keys[h] == key) {
                    return h;
                }
                h = (h + 1) & mask;
            }
            return -1;
        }

        int value(int slot) {
            return values[slot];
        }

        void put(long key, int value) {
            int mask = keys.length - 1;
            int h = mix(key) & mask;
            while (keys[h] != -1) {
                h = (h + 1) & mask;
            }
            keys[h] = key;
            values[h] = value;
            if (++size * 2 > keys.length) {
                long[] oldKeys = keys;
                int[] oldValues = values;
                keys = filled(oldKeys.length * 2);
                values = new int[keys.length];
                size = 0;
                for (int i = 0; i < oldKeys.length; i++) {
                    if (oldKeys[i] != -1) {
                        put(oldKeys[i], oldValues[i]);
                    }
                }
            }
        }

        private static long[] filled(int n) {
            long[] a = new long[n];
            java.util.Arrays.fill(a, -1);
            return a;
        }

        private static int mix(long key) {
            long h = key * 0x9E3779B97F4A7C15L;
            return (int) (h ^ (h >>> 32));
        }
    }

    /**
     * @param groupOfAccount per interned account of {@code table}, its group or -1
     */
    static GroupEvidence collect(TraceTable table, int[] groupOfAccount, int groups) {
        GroupEvidence evidence = new GroupEvidence(groups);
        List<List<Tally>> shared = evidence.coShared(tallies(table, groupOfAccount), groups);
        Tallies topTallies = new Tallies();
        for (int g = 0; g < groups; g++) {
            evidence.top.add(evidence.topObjects(table, g, shared.get(g), topTallies));
            evidence.posts.add(new ArrayList<>());
        }
        evidence.collectPosts(table, groupOfAccount, topTallies);
        return evidence;
    }

    /**
     * One tally per (group, object) over the traces of grouped accounts, in a table per core: each core tallies the
     * groups of its share (group number modulo the cores), so no tally is shared. What comes out does not depend on the
     * split: each group's objects are sorted by a total order and its time span is a minimum and a maximum.
     */
    private static List<Tallies> tallies(TraceTable table, int[] groupOfAccount) {
        int parts = Math.max(1, Runtime.getRuntime().availableProcessors());
        return IntStream.range(0, parts).parallel().mapToObj(part -> {
            Tallies tallies = new Tallies();
            for (int r = 0; r < table.size(); r++) {
                int g = groupOfAccount[table.account(r)];
                if (g >= 0 && g % parts == part) {
                    int o = table.object(r);
                    tallies.add(key(g, o), o, table.type(r), table.account(r), table.time(r));
                }
            }
            return tallies;
        }).toList();
    }

    /** Per group, the objects at least two members shared; their shares set the group's time span. */
    private List<List<Tally>> coShared(List<Tallies> parts, int groups) {
        List<List<Tally>> shared = new ArrayList<>();
        for (int g = 0; g < groups; g++) {
            shared.add(new ArrayList<>());
            first[g] = Long.MAX_VALUE;
            last[g] = Long.MIN_VALUE;
        }
        for (Tallies tallies : parts) {
            for (int slot = 0; slot < tallies.keys.keys.length; slot++) {
                long key = tallies.keys.keys[slot];
                if (key == -1) {
                    continue;
                }
                Tally t = tallies.list.get(tallies.keys.value(slot));
                if (t.accounts >= 2) {
                    int g = (int) (key >>> 32);
                    shared.get(g).add(t);
                    first[g] = Math.min(first[g], t.first);
                    last[g] = Math.max(last[g], t.last);
                }
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
    private List<SharedObject> topObjects(TraceTable table, int g, List<Tally> objects, Tallies topTallies) {
        objects.sort(Comparator.comparingInt((Tally t) -> -t.accounts).thenComparingLong(t -> -t.shares)
                .thenComparing(t -> table.objects().name(t.object)));
        List<SharedObject> top = new ArrayList<>();
        for (Tally t : objects.subList(0, Math.min(TOP_OBJECTS, objects.size()))) {
            top.add(new SharedObject(t.type, table.objects().name(t.object), t.accounts, t.shares));
            topTallies.keys.put(key(g, t.object), topTallies.list.size());
            topTallies.list.add(t);
        }
        return top;
    }

    /** The members' shares of their group's top objects, at most {@link #EVIDENCE_PER_OBJECT} per object. */
    private void collectPosts(TraceTable table, int[] groupOfAccount, Tallies topTallies) {
        List<List<Integer>> rowsOf = new ArrayList<>();
        for (int g = 0; g < top.size(); g++) {
            rowsOf.add(new ArrayList<>());
        }
        for (int r = 0; r < table.size(); r++) {
            int g = groupOfAccount[table.account(r)];
            if (g >= 0 && topTallies.keys.indexOf(key(g, table.object(r))) >= 0) {
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

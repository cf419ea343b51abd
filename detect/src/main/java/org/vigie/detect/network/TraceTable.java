package org.vigie.detect.network;

import java.util.Arrays;
import org.vigie.detect.coaction.CoActionType;
import org.vigie.detect.coaction.Trace;

/**
 * The traces in columns: account, object and content interned to ints, times as longs, the co-action type
 * as its ordinal. About 21 bytes per trace plus the distinct strings, instead of a {@link Trace} object each.
 * Row {@code i} is the {@code i}-th trace added (input order, which the CooRTweet mode relies on for ties).
 */
public final class TraceTable {
    private static final CoActionType[] TYPES = CoActionType.values();
    private final IdInterner accounts = new IdInterner();
    private final IdInterner objects = new IdInterner();
    private final IdInterner contents = new IdInterner();
    private int[] account = new int[1024];
    private int[] object = new int[1024];
    private int[] content = new int[1024];
    private long[] time = new long[1024];
    private byte[] type = new byte[1024];
    private int size;

    public static TraceTable of(Iterable<Trace> traces) {
        TraceTable table = new TraceTable();
        for (Trace t : traces) {
            table.add(t);
        }
        return table;
    }

    public void add(Trace t) {
        add(t.accountId(), t.objectId(), t.epochSecond(), t.contentId(), t.type());
    }

    public void add(String accountId, String objectId, long epochSecond, String contentId, CoActionType coActionType) {
        if (size == account.length) {
            int n = size * 2;
            account = Arrays.copyOf(account, n);
            object = Arrays.copyOf(object, n);
            content = Arrays.copyOf(content, n);
            time = Arrays.copyOf(time, n);
            type = Arrays.copyOf(type, n);
        }
        account[size] = accounts.intern(accountId);
        object[size] = objects.intern(objectId);
        content[size] = contents.intern(contentId);
        time[size] = epochSecond;
        type[size] = (byte) coActionType.ordinal();
        size++;
    }

    public int size() {
        return size;
    }

    public int account(int row) {
        return account[row];
    }

    public int object(int row) {
        return object[row];
    }

    public int content(int row) {
        return content[row];
    }

    public long time(int row) {
        return time[row];
    }

    public CoActionType type(int row) {
        return TYPES[type[row]];
    }

    int typeOrdinal(int row) {
        return type[row];
    }

    public IdInterner accounts() {
        return accounts;
    }

    public IdInterner objects() {
        return objects;
    }

    public IdInterner contents() {
        return contents;
    }

    public Trace trace(int row) {
        return new Trace(accounts.name(account[row]), objects.name(object[row]), time[row],
                contents.name(content[row]), type(row));
    }
}

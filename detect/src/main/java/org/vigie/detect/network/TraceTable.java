package org.vigie.detect.network;

import java.util.Arrays;
import org.vigie.detect.coaction.CoActionType;
import org.vigie.detect.coaction.Trace;

/**
 * The traces in columns: account, object and content interned to ints, times as longs, the co-action type
 * as its ordinal. About 21 bytes per trace plus the distinct strings, instead of a {@link Trace} object each.
 * Row {@code i} is the {@code i}-th trace added (input order, which the CooRTweet mode relies on for ties).
 *
 * <p>Contents come in two ways. {@link #TraceTable()} interns content ids (CooRTweet's mode compares them as
 * values). {@link #ofPosts()} makes a table whose contents are the posts themselves, numbered as they are
 * added with {@link #addPost}: each post's id is stored once, packed, never hashed ({@link PackedNames}),
 * and all traces of the post refer to its number. This is what a detection over millions of posts uses: the
 * post id is only needed to count distinct contents per edge and to print evidence.
 */
public final class TraceTable {
    private static final CoActionType[] TYPES = CoActionType.values();
    private final IdInterner accounts = new IdInterner();
    private final IdInterner objects = new IdInterner();
    private final IdInterner contents;
    private final PackedNames posts;
    private int[] account = new int[1024];
    private int[] object = new int[1024];
    private int[] content = new int[1024];
    private long[] time = new long[1024];
    private byte[] type = new byte[1024];
    private int size;

    /** A table whose content ids are interned strings (see the class comment). */
    public TraceTable() {
        this.contents = new IdInterner();
        this.posts = null;
    }

    private TraceTable(PackedNames posts) {
        this.contents = null;
        this.posts = posts;
    }

    /** A table whose contents are posts numbered by {@link #addPost} (see the class comment). */
    public static TraceTable ofPosts() {
        return new TraceTable(new PackedNames());
    }

    /** In a table {@link #ofPosts()}: stores a post's id and returns the content number of its traces. */
    public int addPost(String postId) {
        if (posts == null) {
            throw new IllegalStateException("this table interns content ids: use add(..., String contentId, ...)");
        }
        return posts.add(postId);
    }

    /** The interned id of an account, to pass to {@link #add(int, String, long, int, CoActionType)}. */
    public int account(String accountId) {
        return accounts.intern(accountId);
    }

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
        if (contents == null) {
            throw new IllegalStateException("this table numbers posts: use addPost and add(int, ..., int, ...)");
        }
        add(accounts.intern(accountId), objectId, epochSecond, contents.intern(contentId), coActionType);
    }

    /**
     * Adds a trace of the account {@link #account(String)} returned, with content {@code content}: a number
     * {@link #addPost} returned in a table {@link #ofPosts()}, else an interned content id. Returns the
     * object's number.
     */
    public int add(int accountNumber, String objectId, long epochSecond, int contentNumber, CoActionType coActionType) {
        if (size == account.length) {
            int n = size + (size >> 1); // 1.5×: the five columns are copied at once, keep the peak low
            account = Arrays.copyOf(account, n);
            object = Arrays.copyOf(object, n);
            content = Arrays.copyOf(content, n);
            time = Arrays.copyOf(time, n);
            type = Arrays.copyOf(type, n);
        }
        account[size] = accountNumber;
        int o = objects.intern(objectId);
        object[size] = o;
        content[size] = contentNumber;
        time[size] = epochSecond;
        type[size] = (byte) coActionType.ordinal();
        size++;
        return o;
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

    /** Content ids: interned ones, or the post ids of a table {@link #ofPosts()}. */
    public Names contents() {
        return contents != null ? contents : posts;
    }

    public Trace trace(int row) {
        return new Trace(accounts.name(account[row]), objects.name(object[row]), time[row],
                contents().name(content[row]), type(row));
    }
}

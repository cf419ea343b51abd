package org.vigie.detect.neardup;

import java.util.Arrays;
import org.vigie.detect.coaction.TextNormalizer;
import org.vigie.detect.network.IdInterner;
import org.vigie.detect.network.Names;

/**
 * The texts of a detection's posts, gathered while the posts are read, in the compact form the near-duplicate
 * pass needs: each distinct normalised text once (an {@link IdInterner}: identical copies, the bulk of
 * coordinated texts, cost one string; or the co-text objects' own strings, {@link #sharing}), and per post only
 * ints and a time: its text, its account and its content number, as the caller numbers them. Texts too short to compare are not kept at all. This replaces a list of
 * whole posts, which at ten million posts does not fit a 4 GB heap.
 */
public final class NearDupTexts {
    private final int minLength;
    private final IdInterner texts;
    /** When the texts are strings held elsewhere (co-text objects): those names, their prefix, and the mapping. */
    private final Names shared;
    private final int prefixLength;
    private int[] denseOfShared = new int[0];
    private int[] sharedOfDense = new int[1024];
    private int sharedDistinct;
    private int[] text = new int[1024];
    private int[] account = new int[1024];
    private int[] content = new int[1024];
    private long[] time = new long[1024];
    private int size;

    /** Texts stored here, each distinct normalised text once. */
    public NearDupTexts(NearDupParams params) {
        this.minLength = params.minLength();
        this.texts = new IdInterner();
        this.shared = null;
        this.prefixLength = 0;
    }

    private NearDupTexts(NearDupParams params, Names shared, int prefixLength) {
        this.minLength = params.minLength();
        this.texts = null;
        this.shared = shared;
        this.prefixLength = prefixLength;
    }

    /**
     * Texts that are already stored as names elsewhere, {@code prefix} + normalised text: the co-text objects of a
     * {@code TraceTable} ({@code text:…}). Rows are added with {@link #addShared} and the near-duplicate pass
     * reads those very strings, so a text is held once for both co-action types.
     */
    public static NearDupTexts sharing(NearDupParams params, Names names, String prefix) {
        return new NearDupTexts(params, names, prefix.length());
    }

    /** Keeps a post's text (normalised here); returns false when it is too short to be compared. */
    public boolean add(String rawText, int accountNumber, long epochSecond, int contentNumber) {
        return addNormalized(TextNormalizer.normalize(rawText), accountNumber, epochSecond, contentNumber);
    }

    /** The same with a text already normalised by {@link TextNormalizer#normalize}. */
    public boolean addNormalized(String normalized, int accountNumber, long epochSecond, int contentNumber) {
        int text = internText(normalized);
        if (text < 0) {
            return false;
        }
        row(text, accountNumber, epochSecond, contentNumber);
        return true;
    }

    /**
     * The number of a normalised text among the distinct texts kept here, interning it; -1 when it is too short to be
     * compared (or {@code null}). With {@link #addInterned}, the two halves of {@link #addNormalized}, so that the
     * texts can be interned on another thread than the one adding the rows (in the same order of posts).
     */
    public int internText(String normalized) {
        if (normalized == null || normalized.length() < minLength) {
            return -1;
        }
        if (texts == null) {
            throw new IllegalStateException("these texts are shared: use addShared");
        }
        return texts.intern(normalized);
    }

    /** Keeps a post whose normalised text {@link #internText} numbered {@code text}. */
    public void addInterned(int text, int accountNumber, long epochSecond, int contentNumber) {
        if (text < 0) {
            throw new IllegalArgumentException("a text too short to compare is not kept");
        }
        row(text, accountNumber, epochSecond, contentNumber);
    }

    /**
     * Keeps a post whose normalised text is name {@code id} of the shared names (see {@link #sharing}); the caller
     * checks the text is at least {@link #minLength()} long.
     */
    public void addShared(int id, int accountNumber, long epochSecond, int contentNumber) {
        if (id >= denseOfShared.length) {
            int old = denseOfShared.length;
            denseOfShared = Arrays.copyOf(denseOfShared, Math.max(1024, Math.max(id + 1, old + (old >> 1))));
            Arrays.fill(denseOfShared, old, denseOfShared.length, -1);
        }
        int dense = denseOfShared[id];
        if (dense < 0) {
            dense = sharedDistinct++;
            if (dense == sharedOfDense.length) {
                sharedOfDense = Arrays.copyOf(sharedOfDense, dense + (dense >> 1));
            }
            sharedOfDense[dense] = id;
            denseOfShared[id] = dense;
        }
        row(dense, accountNumber, epochSecond, contentNumber);
    }

    private void row(int distinctText, int accountNumber, long epochSecond, int contentNumber) {
        if (size == text.length) {
            int n = size + (size >> 1);
            text = Arrays.copyOf(text, n);
            account = Arrays.copyOf(account, n);
            content = Arrays.copyOf(content, n);
            time = Arrays.copyOf(time, n);
        }
        text[size] = distinctText;
        account[size] = accountNumber;
        content[size] = contentNumber;
        time[size] = epochSecond;
        size++;
    }

    /** Normalised texts shorter than this are not kept. */
    public int minLength() {
        return minLength;
    }

    /** Posts kept. */
    public int size() {
        return size;
    }

    /** Distinct normalised texts among them. */
    public int distinct() {
        return texts != null ? texts.size() : sharedDistinct;
    }

    /** Characters before the text in each stored string (0, or the shared names' prefix). */
    int prefixLength() {
        return prefixLength;
    }

    int textOf(int row) {
        return text[row];
    }

    /** The stored string of a distinct text, prefix included (see {@link #prefixLength()}). */
    String distinctText(int id) {
        return texts != null ? texts.name(id) : shared.name(sharedOfDense[id]);
    }

    public int account(int row) {
        return account[row];
    }

    public int content(int row) {
        return content[row];
    }

    public long time(int row) {
        return time[row];
    }
}

package org.vigie.detect.neardup;

import java.util.Arrays;
import org.vigie.detect.coaction.TextNormalizer;
import org.vigie.detect.network.IdInterner;

/**
 * The texts of a detection's posts, gathered while the posts are read, in the compact form the near-duplicate
 * pass needs: each distinct normalised text once (an {@link IdInterner}: identical copies, the bulk of
 * coordinated texts, cost one string), and per post only ints and a time: its text, its account and its content
 * number, as the caller numbers them. Texts too short to compare are not kept at all. This replaces a list of
 * whole posts, which at ten million posts does not fit a 4 GB heap.
 */
public final class NearDupTexts {
    private final int minLength;
    private final IdInterner texts = new IdInterner();
    private int[] text = new int[1024];
    private int[] account = new int[1024];
    private int[] content = new int[1024];
    private long[] time = new long[1024];
    private int size;

    public NearDupTexts(NearDupParams params) {
        this.minLength = params.minLength();
    }

    /** Keeps a post's text (normalised here); returns false when it is too short to be compared. */
    public boolean add(String rawText, int accountNumber, long epochSecond, int contentNumber) {
        return addNormalized(TextNormalizer.normalize(rawText), accountNumber, epochSecond, contentNumber);
    }

    /** The same with a text already normalised by {@link TextNormalizer#normalize}. */
    public boolean addNormalized(String normalized, int accountNumber, long epochSecond, int contentNumber) {
        if (normalized == null || normalized.length() < minLength) {
            return false;
        }
        if (size == text.length) {
            int n = size + (size >> 1);
            text = Arrays.copyOf(text, n);
            account = Arrays.copyOf(account, n);
            content = Arrays.copyOf(content, n);
            time = Arrays.copyOf(time, n);
        }
        text[size] = texts.intern(normalized);
        account[size] = accountNumber;
        content[size] = contentNumber;
        time[size] = epochSecond;
        size++;
        return true;
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
        return texts.size();
    }

    int textOf(int row) {
        return text[row];
    }

    String distinctText(int id) {
        return texts.name(id);
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

package org.vigie.detect.network;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Append-only strings numbered 0, 1, 2… in order of addition, packed as UTF-8 in large byte pages with one
 * offset per string: about the string's length plus 8 bytes each, instead of ≈ 60 bytes for a {@code String} and
 * its place in a hash table. No lookup by value (nothing is interned): for ids that only need to be printed back,
 * such as the post ids behind co-action traces (10 million posts ≈ 250 MB instead of ≈ 900 MB). Not thread-safe.
 */
public final class PackedNames implements Names {
    private static final int PAGE_BITS = 22; // 4 MB pages: a string never spans two pages
    private static final int PAGE = 1 << PAGE_BITS;
    private byte[][] pages = new byte[4][];
    private int page = -1;
    private int used = PAGE;
    private long[] offsets = new long[1024]; // page << 32 | start; the end is the next start, or lengths below
    private int[] lengths = new int[1024];
    private int size;

    /** Stores {@code name} and returns its id. */
    public int add(String name) {
        byte[] bytes = name.getBytes(StandardCharsets.UTF_8);
        if (bytes.length > PAGE) {
            throw new IllegalArgumentException("id longer than " + PAGE + " bytes");
        }
        if (used + bytes.length > PAGE) {
            page++;
            if (page == pages.length) {
                pages = Arrays.copyOf(pages, page * 2);
            }
            pages[page] = new byte[PAGE];
            used = 0;
        }
        if (size == offsets.length) {
            offsets = Arrays.copyOf(offsets, size * 2);
            lengths = Arrays.copyOf(lengths, size * 2);
        }
        System.arraycopy(bytes, 0, pages[page], used, bytes.length);
        offsets[size] = ((long) page << 32) | used;
        lengths[size] = bytes.length;
        used += bytes.length;
        return size++;
    }

    @Override
    public String name(int id) {
        if (id < 0 || id >= size) {
            throw new IndexOutOfBoundsException(id);
        }
        long o = offsets[id];
        return new String(pages[(int) (o >>> 32)], (int) o, lengths[id], StandardCharsets.UTF_8);
    }

    @Override
    public int size() {
        return size;
    }
}

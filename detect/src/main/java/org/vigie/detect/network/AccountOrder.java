package org.vigie.detect.network;

import java.util.Arrays;

/**
 * Ranks of the account ids in byte-wise order of their UTF-8 encoding (the order of C's {@code strcmp},
 * i.e. code point order; Java's {@code String.compareTo} differs from it for characters outside the BMP).
 * Edges put the smaller account first, as CooRTweet does.
 */
final class AccountOrder {
    private AccountOrder() {
    }

    static int[] ranks(IdInterner accounts) {
        int n = accounts.size();
        Integer[] ids = new Integer[n];
        for (int i = 0; i < n; i++) {
            ids[i] = i;
        }
        Arrays.sort(ids, (x, y) -> compareUtf8(accounts.name(x), accounts.name(y)));
        int[] rank = new int[n];
        for (int r = 0; r < n; r++) {
            rank[ids[r]] = r;
        }
        return rank;
    }

    /** Compares like the unsigned bytes of the UTF-8 encodings. */
    static int compareUtf8(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int ca = a.codePointAt(i);
            int cb = b.codePointAt(j);
            if (ca != cb) {
                return Integer.compare(ca, cb);
            }
            i += Character.charCount(ca);
            j += Character.charCount(cb);
        }
        return Integer.compare(a.length() - i, b.length() - j);
    }
}

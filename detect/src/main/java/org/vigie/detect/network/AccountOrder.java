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

    /**
     * Ranks the accounts whose {@code rank} entry is not negative (in place: 0..k-1 in byte-wise order) and
     * returns the account of each rank.
     */
    static int[] rank(IdInterner accounts, int[] rank) {
        int k = 0;
        for (int r : rank) {
            if (r >= 0) {
                k++;
            }
        }
        Integer[] ids = new Integer[k];
        k = 0;
        for (int a = 0; a < rank.length; a++) {
            if (rank[a] >= 0) {
                ids[k++] = a;
            }
        }
        boolean surrogates = false;
        for (Integer id : ids) {
            String name = accounts.name(id);
            for (int i = 0; i < name.length() && !surrogates; i++) {
                surrogates = Character.isSurrogate(name.charAt(i));
            }
        }
        // without surrogates, UTF-16 unit order is code point order, i.e. UTF-8 byte order
        if (surrogates) {
            Arrays.sort(ids, (x, y) -> compareUtf8(accounts.name(x), accounts.name(y)));
        } else {
            Arrays.sort(ids, (x, y) -> accounts.name(x).compareTo(accounts.name(y)));
        }
        int[] accountOfRank = new int[k];
        for (int r = 0; r < k; r++) {
            accountOfRank[r] = ids[r];
            rank[ids[r]] = r;
        }
        return accountOfRank;
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

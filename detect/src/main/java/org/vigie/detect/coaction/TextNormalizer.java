package org.vigie.detect.coaction;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * The text key of co-text exact: lower-case (root locale), URLs ({@code http://…}, {@code https://…},
 * {@code www.…} up to the next white space) and mentions ({@code @name}, not inside a word such as an
 * e-mail address) removed, every run of white space made one space, trimmed. Hashtags and punctuation
 * are kept. A text shorter than the minimum after this gives no key: "ok", "thanks!" or an empty retweet
 * would otherwise tie together accounts that merely posted nothing original. One pass over the text, no
 * regular expressions: this runs on every post.
 */
public final class TextNormalizer {

    /** Default minimum length, in characters, of a normalised text that makes a co-text trace. */
    public static final int DEFAULT_MIN_LENGTH = 10;

    private TextNormalizer() {
    }

    /** The normalised text, possibly empty; {@code null} for {@code null}. */
    public static String normalize(String text) {
        if (text == null) {
            return null;
        }
        byte[] ascii = asciiLowerCase(text);
        return ascii != null ? normalizeAscii(ascii) : normalizeUnicode(text);
    }

    /** {@link #normalize} for any text (package-private: tests check the ASCII path against it). */
    static String normalizeUnicode(String text) {
        String s = text.toLowerCase(Locale.ROOT);
        int n = s.length();
        StringBuilder out = new StringBuilder(n);
        boolean pendingSpace = false;
        int i = 0;
        while (i < n) {
            char c = s.charAt(i);
            if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
                pendingSpace = out.length() > 0;
                i++;
            } else if (startsUrl(s, i)) {
                while (i < n && !Character.isWhitespace(s.charAt(i)) && !Character.isSpaceChar(s.charAt(i))) {
                    i++;
                }
                pendingSpace = out.length() > 0;
            } else if (c == '@' && i + 1 < n && isWord(s.charAt(i + 1))
                    && (i == 0 || !isWord(s.charAt(i - 1)) && s.charAt(i - 1) != '@')) {
                i++;
                while (i < n && isWord(s.charAt(i))) {
                    i++;
                }
                pendingSpace = out.length() > 0;
            } else {
                if (pendingSpace) {
                    out.append(' ');
                    pendingSpace = false;
                }
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }

    /** The text lower-cased as ASCII bytes, or {@code null} when it has a character beyond ASCII. */
    private static byte[] asciiLowerCase(String text) {
        int n = text.length();
        byte[] lower = new byte[n];
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (c >= 128) {
                return null;
            }
            lower[i] = (byte) (c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c);
        }
        return lower;
    }

    /**
     * {@link #normalize} of a lower-cased ASCII text, on its bytes: the same rules, where white space is the ASCII
     * characters {@link Character#isWhitespace} and {@link Character#isSpaceChar} accept. Most posts are ASCII, and
     * the general path (a lower-cased copy, a builder appended a character at a time, a copy of it) was a fifth of
     * the time of the thread that extracts traces.
     */
    private static String normalizeAscii(byte[] s) {
        int n = s.length;
        byte[] out = new byte[n];
        int w = 0;
        boolean pendingSpace = false;
        int i = 0;
        while (i < n) {
            byte c = s[i];
            if (isAsciiSpace(c)) {
                pendingSpace = w > 0;
                i++;
            } else if (startsUrl(s, i)) {
                while (i < n && !isAsciiSpace(s[i])) {
                    i++;
                }
                pendingSpace = w > 0;
            } else if (c == '@' && i + 1 < n && isAsciiWord(s[i + 1])
                    && (i == 0 || !isAsciiWord(s[i - 1]) && s[i - 1] != '@')) {
                i++;
                while (i < n && isAsciiWord(s[i])) {
                    i++;
                }
                pendingSpace = w > 0;
            } else {
                if (pendingSpace) {
                    out[w++] = ' ';
                    pendingSpace = false;
                }
                out[w++] = c;
                i++;
            }
        }
        return new String(out, 0, w, StandardCharsets.ISO_8859_1);
    }

    private static boolean isAsciiSpace(byte c) {
        return c == ' ' || c >= 9 && c <= 13 || c >= 28 && c <= 31;
    }

    private static boolean isAsciiWord(byte c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_';
    }

    private static boolean startsUrl(byte[] s, int i) {
        byte c = s[i];
        if (c == 'h') {
            return startsWith(s, i, "http://") || startsWith(s, i, "https://");
        }
        return c == 'w' && startsWith(s, i, "www.") && i + 4 < s.length && !isAsciiSpace(s[i + 4]);
    }

    private static boolean startsWith(byte[] s, int i, String prefix) {
        if (i + prefix.length() > s.length) {
            return false;
        }
        for (int k = 0; k < prefix.length(); k++) {
            if (s[i + k] != prefix.charAt(k)) {
                return false;
            }
        }
        return true;
    }

    /** The normalised text when it has at least {@code minLength} characters, else {@code null}. */
    public static String key(String text, int minLength) {
        String n = normalize(text);
        return n == null || n.length() < minLength ? null : n;
    }

    private static boolean startsUrl(String s, int i) {
        char c = s.charAt(i);
        if (c == 'h') {
            return s.startsWith("http://", i) || s.startsWith("https://", i);
        }
        return c == 'w' && s.startsWith("www.", i) && i + 4 < s.length()
                && !Character.isWhitespace(s.charAt(i + 4));
    }

    private static boolean isWord(char c) {
        if (c < 128) {
            return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_';
        }
        if (Character.isLetterOrDigit(c)) {
            return true;
        }
        int type = Character.getType(c);
        return type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK
                || type == Character.ENCLOSING_MARK || type == Character.CONNECTOR_PUNCTUATION;
    }
}

package org.vigie.detect.coaction;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The text key of co-text exact: lower-case (root locale), URLs ({@code http(s)://…}, {@code www.…})
 * and mentions ({@code @name}) removed, every run of white space made one space, trimmed. Hashtags and
 * punctuation are kept. A text shorter than the minimum after this gives no key: "ok", "thanks!" or an
 * empty retweet would otherwise tie together accounts that merely posted nothing original.
 */
public final class TextNormalizer {

    /** Default minimum length, in characters, of a normalised text that makes a co-text trace. */
    public static final int DEFAULT_MIN_LENGTH = 10;

    private static final Pattern URL = Pattern.compile("(?i)(?:https?://|www\\.)\\S+");
    private static final Pattern MENTION = Pattern.compile("(?<![\\w@])@\\w+", Pattern.UNICODE_CHARACTER_CLASS);
    private static final Pattern SPACE = Pattern.compile("\\s+", Pattern.UNICODE_CHARACTER_CLASS);

    private TextNormalizer() {
    }

    /** The normalised text, possibly empty; {@code null} for {@code null}. */
    public static String normalize(String text) {
        if (text == null) {
            return null;
        }
        String s = text.toLowerCase(Locale.ROOT);
        s = URL.matcher(s).replaceAll(" ");
        s = MENTION.matcher(s).replaceAll(" ");
        return SPACE.matcher(s).replaceAll(" ").trim();
    }

    /** The normalised text when it has at least {@code minLength} characters, else {@code null}. */
    public static String key(String text, int minLength) {
        String n = normalize(text);
        return n == null || n.length() < minLength ? null : n;
    }
}

package org.vigie.core.observables;

import java.util.regex.Pattern;

/**
 * Undoes "defanging", the convention of breaking observables in reports so that nobody clicks them
 * by accident ({@code hxxps://evil[.]com}, {@code user[@]example[.]org}), and removes the invisible
 * characters that come along when text is copied from a web page or a chat.
 */
final class Refanging {

    private static final Pattern SCHEME = Pattern.compile("(?i)^h(?:xx|\\[xx\\]|\\*\\*)p(s?)(?:\\[:\\]|\\[://\\]|:)(//)?");
    private static final Pattern DOT = Pattern.compile("(?i)\\s?(?:\\[\\.\\]|\\(\\.\\)|\\{\\.\\}|\\[dot\\]|\\(dot\\)|\\{dot\\})\\s?");
    private static final Pattern AT = Pattern.compile("(?i)\\s?(?:\\[@\\]|\\(@\\)|\\{@\\}|\\[at\\]|\\(at\\))\\s?");
    private static final Pattern SEPARATOR = Pattern.compile("\\[(://|:|/)\\]");
    private static final Pattern INVISIBLE = Pattern.compile("[\\u200B-\\u200D\\u2060\\uFEFF]");

    private Refanging() {
    }

    static String refang(String text) {
        String value = INVISIBLE.matcher(text.replace('\u00A0', ' ')).replaceAll("").strip();
        value = SCHEME.matcher(value).replaceFirst("http$1://");
        value = DOT.matcher(value).replaceAll(".");
        value = AT.matcher(value).replaceAll("@");
        return SEPARATOR.matcher(value).replaceAll("$1");
    }
}

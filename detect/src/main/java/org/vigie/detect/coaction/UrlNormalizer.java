package org.vigie.detect.coaction;

import java.util.Locale;
import java.util.StringJoiner;
import java.util.regex.Pattern;

/**
 * Makes the many spellings of one link compare equal, for co-link: the scheme and host lower-cased,
 * the default port (80 for http, 443 for https) dropped, an empty path made {@code /}, the fragment
 * dropped, and tracking parameters removed from the query ({@code utm_*}, {@code fbclid},
 * {@code gclid}, {@code dclid}, {@code msclkid}, {@code igshid}, {@code mc_cid}, {@code mc_eid},
 * {@code _ga}); the rest of the path and query is kept as written, in order. A value without a scheme
 * that starts with a host name ({@code www.example.com}, {@code youtu.be/123}, as the
 * coordination-network-toolkit's inputs often have) is read as an {@code http://} URL. Anything else
 * without a scheme (e.g. the anonymised URL ids of the multi-platform set) is returned trimmed, unchanged.
 */
public final class UrlNormalizer {

    /** A host name (dot-separated labels ending in a letters-only top-level label) then the end or / ? #. */
    private static final Pattern HOST_FIRST =
            Pattern.compile("[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)*\\.[a-z]{2,}(?=$|[/?#:])",
                    Pattern.CASE_INSENSITIVE);

    private UrlNormalizer() {
    }

    public static String normalize(String url) {
        if (url == null) {
            return null;
        }
        String s = url.trim();
        if (s.isEmpty()) {
            return null;
        }
        int schemeEnd = s.indexOf("://");
        if (schemeEnd <= 0 || !isScheme(s, schemeEnd)) {
            if (s.regionMatches(true, 0, "www.", 0, 4) || HOST_FIRST.matcher(s).lookingAt()) {
                s = "http://" + s;
                schemeEnd = 4;
            } else {
                return s;
            }
        }
        String scheme = s.substring(0, schemeEnd).toLowerCase(Locale.ROOT);
        int authorityStart = schemeEnd + 3;
        int authorityEnd = indexOfAny(s, authorityStart, "/?#");
        String authority = s.substring(authorityStart, authorityEnd);
        String rest = s.substring(authorityEnd);
        int hash = rest.indexOf('#');
        if (hash >= 0) {
            rest = rest.substring(0, hash);
        }
        int question = rest.indexOf('?');
        String path = question >= 0 ? rest.substring(0, question) : rest;
        String query = question >= 0 ? rest.substring(question + 1) : "";

        int at = authority.lastIndexOf('@');
        String userInfo = at >= 0 ? authority.substring(0, at + 1) : "";
        String hostPort = authority.substring(at + 1).toLowerCase(Locale.ROOT);
        int colon = hostPort.lastIndexOf(':');
        if (colon >= 0 && hostPort.indexOf(']', colon) < 0) {
            String port = hostPort.substring(colon + 1);
            if (port.isEmpty() || scheme.equals("http") && port.equals("80")
                    || scheme.equals("https") && port.equals("443")) {
                hostPort = hostPort.substring(0, colon);
            }
        }
        if (hostPort.endsWith(".")) {
            hostPort = hostPort.substring(0, hostPort.length() - 1);
        }
        if (path.isEmpty()) {
            path = "/";
        }
        StringJoiner kept = new StringJoiner("&");
        if (!query.isEmpty()) {
            for (String param : query.split("&")) {
                if (!param.isEmpty() && !isTracking(param)) {
                    kept.add(param);
                }
            }
        }
        String q = kept.length() == 0 ? "" : "?" + kept;
        return scheme + "://" + userInfo + hostPort + path + q;
    }

    /**
     * The host of a normalised URL without a leading {@code www.}, or {@code null} for a value without
     * a scheme. Simple on purpose: {@code news.example.co.uk} stays as it is (no public-suffix list).
     */
    public static String domain(String url) {
        String n = normalize(url);
        if (n == null) {
            return null;
        }
        int schemeEnd = n.indexOf("://");
        if (schemeEnd <= 0 || !isScheme(n, schemeEnd)) {
            return null;
        }
        int start = schemeEnd + 3;
        int end = indexOfAny(n, start, "/?#");
        String host = n.substring(start, end);
        host = host.substring(host.lastIndexOf('@') + 1);
        int colon = host.lastIndexOf(':');
        if (colon >= 0 && host.indexOf(']', colon) < 0) {
            host = host.substring(0, colon);
        }
        if (host.startsWith("www.")) {
            host = host.substring(4);
        }
        return host.isEmpty() ? null : host;
    }

    private static boolean isTracking(String param) {
        int eq = param.indexOf('=');
        String name = (eq >= 0 ? param.substring(0, eq) : param).toLowerCase(Locale.ROOT);
        return name.startsWith("utm_") || switch (name) {
            case "fbclid", "gclid", "dclid", "msclkid", "igshid", "mc_cid", "mc_eid", "_ga" -> true;
            default -> false;
        };
    }

    private static boolean isScheme(String s, int end) {
        if (!Character.isLetter(s.charAt(0))) {
            return false;
        }
        for (int i = 1; i < end; i++) {
            char c = s.charAt(i);
            if (!(Character.isLetterOrDigit(c) || c == '+' || c == '-' || c == '.')) {
                return false;
            }
        }
        return true;
    }

    private static int indexOfAny(String s, int from, String chars) {
        for (int i = from; i < s.length(); i++) {
            if (chars.indexOf(s.charAt(i)) >= 0) {
                return i;
            }
        }
        return s.length();
    }
}

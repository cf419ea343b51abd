package org.vigie.core.observables;

import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Normalises a URL so that the ways one link gets written collapse to one value, while anything a
 * server could answer differently to is kept apart.
 *
 * <ul>
 *   <li>Collapsed: case of the scheme and host, internationalised host vs punycode, trailing dot of the
 *       host, default ports, an empty path vs "/", dot segments, case of percent-encoding hex digits,
 *       percent-encoded unreserved characters ({@code %7E} is {@code ~}), raw non-ASCII vs its UTF-8
 *       percent-encoding, {@linkplain TrackingParameters tracking parameters}, the fragment (never
 *       sent to the server), and the userinfo ({@code user:password@}: a secret that must not reach the
 *       correlation index, and a disguise in phishing links such as {@code https://bank.fr@evil.com/}).</li>
 *   <li>Kept apart: http vs https (different servers may answer; the two still share their domain
 *       key), other ports, the path and its case, query values, and the order of query parameters,
 *       which some servers read positionally; a link copied from one campaign keeps its order anyway.</li>
 * </ul>
 *
 * <p>Only http and https URLs are observables: other schemes ({@code ftp:}, {@code javascript:}) are
 * rare in reports and better recorded as the host's domain. A URL written without a scheme
 * ({@code example.com/path}) is taken as https, which browsers now try first and phishing sites serve.
 */
final class UrlNormaliser {

    private static final Pattern SCHEME = Pattern.compile("([A-Za-z][A-Za-z0-9+.-]*)://(.*)", Pattern.DOTALL);
    private static final Pattern OTHER_SCHEME = Pattern.compile("(?i)(mailto|javascript|data|tel|file|ftp|sftp|ssh|ws|wss):.*",
            Pattern.DOTALL);
    private static final Pattern BROKEN_WEB_SCHEME = Pattern.compile("(?i)https?:(?!//).*", Pattern.DOTALL);
    private static final Pattern PORT = Pattern.compile("\\d{1,5}");
    private static final String UNRESERVED = "-._~";
    /** RFC 3986 gen-delims and sub-delims: meaningful as written, never decoded or encoded. */
    private static final String RESERVED = ":/?#[]@!$&'()*+,;=";
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private UrlNormaliser() {
    }

    static boolean hasScheme(String text) {
        return SCHEME.matcher(text.strip()).matches() || text.strip().startsWith("//");
    }

    static NormalisedUrl normalise(String text) {
        String value = text.strip();
        if (value.isEmpty()) {
            throw new InvalidObservableException("empty: nothing to record");
        }
        if (value.chars().anyMatch(Character::isWhitespace)) {
            throw new InvalidObservableException("not a valid URL: " + value + " (a URL has no spaces; is this two values on one line?)");
        }
        String scheme;
        String rest;
        Matcher withScheme = SCHEME.matcher(value);
        if (withScheme.matches()) {
            scheme = withScheme.group(1).toLowerCase(Locale.ROOT);
            rest = withScheme.group(2);
        } else if (OTHER_SCHEME.matcher(value).matches()) {
            throw onlyWeb(value);
        } else if (BROKEN_WEB_SCHEME.matcher(value).matches()) {
            throw new InvalidObservableException("not a valid URL: " + value + " (write the scheme as https:// or http://)");
        } else {
            scheme = "https";
            rest = value.startsWith("//") ? value.substring(2) : value;
        }
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw onlyWeb(value);
        }
        int authorityEnd = indexOfAny(rest, "/?#\\");
        String authority = rest.substring(0, authorityEnd);
        String afterAuthority = rest.substring(authorityEnd);

        String hostAndPort = authority.substring(authority.lastIndexOf('@') + 1);
        String host;
        String portText = "";
        if (hostAndPort.startsWith("[")) {
            int close = hostAndPort.indexOf(']');
            if (close < 0) {
                throw new InvalidObservableException("not a valid URL: " + value + " (unclosed [ around an IPv6 address)");
            }
            host = IpAddresses.normaliseIpv6(hostAndPort.substring(1, close));
            String afterHost = hostAndPort.substring(close + 1);
            if (!afterHost.isEmpty() && !afterHost.startsWith(":")) {
                throw new InvalidObservableException("not a valid URL: " + value);
            }
            portText = afterHost.isEmpty() ? "" : afterHost.substring(1);
        } else {
            int colon = hostAndPort.lastIndexOf(':');
            host = colon < 0 ? hostAndPort : hostAndPort.substring(0, colon);
            portText = colon < 0 ? "" : hostAndPort.substring(colon + 1);
            if (host.isEmpty()) {
                throw new InvalidObservableException("not a valid URL: " + value + " (it names no host)");
            }
            host = IpAddresses.looksLikeIpv4(host) ? IpAddresses.normaliseIpv4(host) : hostName(host, value);
        }
        int port = port(portText, scheme, value);

        String withoutFragment = cut(afterAuthority, '#');
        // Browsers read a backslash in an http(s) path as a slash; phishing links use that to look odd.
        String pathPart = cut(withoutFragment, '?').replace('\\', '/');
        String queryPart = withoutFragment.length() > pathPart.length() ? withoutFragment.substring(pathPart.length() + 1) : null;
        String path = removeDotSegments(normalisePercentEncoding(pathPart.isEmpty() ? "/" : pathPart));
        return new NormalisedUrl(scheme, host, port, path, query(queryPart, host));
    }

    private static InvalidObservableException onlyWeb(String value) {
        return new InvalidObservableException("only http and https URLs are observables here: " + value
                + " (record its host as a domain instead)");
    }

    private static String hostName(String host, String url) {
        try {
            return Hostnames.normalise(host);
        } catch (InvalidObservableException e) {
            throw new InvalidObservableException("not a valid URL: " + url + " (" + e.getMessage() + ")");
        }
    }

    private static int port(String text, String scheme, String url) {
        if (text.isEmpty()) {
            return -1;
        }
        if (!PORT.matcher(text).matches() || Integer.parseInt(text) == 0 || Integer.parseInt(text) > 65535) {
            throw new InvalidObservableException("not a valid URL: " + url + " (the port must be a number from 1 to 65535)");
        }
        int port = Integer.parseInt(text);
        boolean isDefault = (scheme.equals("http") && port == 80) || (scheme.equals("https") && port == 443);
        return isDefault ? -1 : port;
    }

    /** Drops tracking parameters and empty pairs; keeps the others in their order (see the class comment). */
    private static String query(String query, String host) {
        if (query == null) {
            return null;
        }
        List<String> kept = new ArrayList<>();
        for (String pair : query.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            String normalised = normalisePercentEncoding(pair);
            String name = cut(normalised, '=');
            if (!TrackingParameters.isTracking(percentDecodeAscii(name), host)) {
                kept.add(normalised);
            }
        }
        return kept.isEmpty() ? null : String.join("&", kept);
    }

    /**
     * RFC 3986 §6.2.2: upper-case hex in percent-encodings, unreserved characters decoded, and
     * characters that may not appear raw (non-ASCII, quotes, angle brackets…) encoded as UTF-8 the way
     * a browser sends them. A stray '%' is left as it is, as browsers do.
     */
    static String normalisePercentEncoding(String component) {
        StringBuilder out = new StringBuilder(component.length());
        int i = 0;
        while (i < component.length()) {
            char c = component.charAt(i);
            if (c == '%' && i + 2 < component.length() && isHex(component.charAt(i + 1)) && isHex(component.charAt(i + 2))) {
                int decoded = Integer.parseInt(component.substring(i + 1, i + 3), 16);
                if (isUnreserved((char) decoded)) {
                    out.append((char) decoded);
                } else {
                    out.append('%').append(HEX[decoded >> 4]).append(HEX[decoded & 0xF]);
                }
                i += 3;
            } else if (c == '%' || isUnreserved(c) || RESERVED.indexOf(c) >= 0) {
                out.append(c);
                i++;
            } else {
                int codePoint = component.codePointAt(i);
                for (byte b : new String(Character.toChars(codePoint)).getBytes(StandardCharsets.UTF_8)) {
                    out.append('%').append(HEX[(b >> 4) & 0xF]).append(HEX[b & 0xF]);
                }
                i += Character.charCount(codePoint);
            }
        }
        return out.toString();
    }

    /** RFC 3986 §5.2.4, as browsers apply it: {@code /a/./b/../c} is {@code /a/c}. */
    static String removeDotSegments(String path) {
        String[] segments = path.split("/", -1);
        Deque<String> kept = new ArrayDeque<>();
        for (int i = 1; i < segments.length; i++) {
            String segment = segments[i];
            boolean last = i == segments.length - 1;
            if (segment.equals(".") || segment.equals("..")) {
                if (segment.equals("..") && !kept.isEmpty()) {
                    kept.removeLast();
                }
                if (last) {
                    kept.addLast("");
                }
            } else {
                kept.addLast(segment);
            }
        }
        return "/" + String.join("/", kept);
    }

    /** Decodes percent-encoded ASCII only: enough to recognise a parameter's name. */
    private static String percentDecodeAscii(String text) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '%' && i + 2 < text.length() && isHex(text.charAt(i + 1)) && isHex(text.charAt(i + 2))) {
                int decoded = Integer.parseInt(text.substring(i + 1, i + 3), 16);
                if (decoded < 0x80) {
                    out.append((char) decoded);
                    i += 2;
                    continue;
                }
            }
            out.append(c);
        }
        return out.toString();
    }

    private static boolean isUnreserved(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || UNRESERVED.indexOf(c) >= 0;
    }

    private static boolean isHex(char c) {
        return Character.digit(c, 16) >= 0 && c < 0x80;
    }

    private static int indexOfAny(String text, String characters) {
        for (int i = 0; i < text.length(); i++) {
            if (characters.indexOf(text.charAt(i)) >= 0) {
                return i;
            }
        }
        return text.length();
    }

    private static String cut(String text, char at) {
        int index = text.indexOf(at);
        return index < 0 ? text : text.substring(0, index);
    }
}

package org.vigie.core.observables;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Guesses what a pasted line is, from its shape alone; the reporter can correct the guess. The rules
 * are tried in order, the most distinctive shapes first, so that each line has one answer:
 *
 * <ol>
 *   <li>a scheme ({@code https://…}, {@code ftp://…}, or a mistyped {@code https:/…}) → URL;
 *       {@code mailto:} → EMAIL;</li>
 *   <li>{@code @user@server} or a bare {@code @handle} → SOCIAL_ACCOUNT (a bare handle then asks for
 *       its platform);</li>
 *   <li>{@code local@domain} → EMAIL;</li>
 *   <li>32 or more hex digits, or anything after {@code md5:}/{@code sha256:}… → FILE_HASH;</li>
 *   <li>four dot-separated numbers → IPV4; hex digits with two or more colons → IPV6 (either
 *       followed by a CIDR prefix length, which is then refused: a range is not one observable);</li>
 *   <li>{@code +} and digits, or 8 or more digits with separators → PHONE (national forms then ask for
 *       the international prefix);</li>
 *   <li>{@code word:handle} → SOCIAL_ACCOUNT (an unknown platform is then an error);</li>
 *   <li>a dotted name followed by a port, a path or a query → URL, https assumed; a bare dotted name →
 *       DOMAIN.</li>
 * </ol>
 *
 * A profile URL on a known platform ({@code https://x.com/SomeHandle}) stays a URL: it is what the
 * reporter pasted, and choosing SOCIAL_ACCOUNT turns it into {@code x:somehandle}.
 *
 * <p>Patterns use possessive quantifiers and leave counting to code, so that a hostile paste (a line of
 * 4,000 colons) is rejected in linear time instead of backtracking.
 */
final class TypeDetector {

    private static final Pattern WEB_SCHEME_MISTYPED = Pattern.compile("(?i)https?:.*");
    private static final Pattern HASH_LABEL = Pattern.compile("(?i)(md5|sha-?1|sha-?256|sha-?512)\\s*+[:=].*");
    private static final Pattern MAILTO = Pattern.compile("(?i)mailto:.*");
    private static final Pattern AT_HANDLE = Pattern.compile("@[^@\\s/:]++(@[^@\\s/]++)?");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s/:]++@[^@\\s/]++");
    private static final Pattern IPV6 = Pattern.compile("\\[?[0-9A-Fa-f:.]++(%[^\\]\\s]++)?\\]?");
    private static final Pattern PHONE_INTERNATIONAL = Pattern.compile("(?i)(tel:)?\\s*+\\+[\\d\\s().\\-/]++");
    private static final Pattern PHONE_NATIONAL = Pattern.compile("[\\d(][\\d\\s().\\-/]++");
    private static final Pattern PLATFORM_PREFIX = Pattern.compile("[A-Za-z][A-Za-z0-9 _-]{0,30}+:\\s*+\\S.*");
    /** A CIDR prefix length, so that a pasted range is typed as addresses and refused with a reason. */
    private static final Pattern PREFIX_LENGTH = Pattern.compile("/\\d{1,3}$");
    /** A host, then an optional port, then an optional path, query or fragment. */
    private static final Pattern HOST_PORT_PATH = Pattern.compile("([^\\s/?#@:]++)(:\\d++)?([/?#]\\S*+)?");

    private TypeDetector() {
    }

    /** @param value refanged and trimmed */
    static Optional<ObservableType> detect(String value) {
        ObservableType type = null;
        Matcher hostPortPath = HOST_PORT_PATH.matcher(value);
        String address = PREFIX_LENGTH.matcher(value).replaceFirst("");
        if (UrlNormaliser.hasScheme(value) || WEB_SCHEME_MISTYPED.matcher(value).matches()) {
            type = ObservableType.URL;
        } else if (MAILTO.matcher(value).matches()) {
            type = ObservableType.EMAIL;
        } else if (AT_HANDLE.matcher(value).matches()) {
            type = ObservableType.SOCIAL_ACCOUNT;
        } else if (EMAIL.matcher(value).matches()) {
            type = ObservableType.EMAIL;
        } else if ((FileHashes.LABELLED.matcher(value).matches() && value.length() >= 32) || HASH_LABEL.matcher(value).matches()) {
            type = ObservableType.FILE_HASH;
        } else if (IpAddresses.looksLikeIpv4(address)) {
            type = ObservableType.IPV4;
        } else if (IPV6.matcher(address).matches() && address.chars().filter(c -> c == ':').count() >= 2) {
            type = ObservableType.IPV6;
        } else if (PHONE_INTERNATIONAL.matcher(value).matches() || isNationalPhone(value)) {
            type = ObservableType.PHONE;
        } else if (PLATFORM_PREFIX.matcher(value).matches()) {
            type = ObservableType.SOCIAL_ACCOUNT;
        } else if (hostPortPath.matches() && isDottedName(hostPortPath.group(1))) {
            boolean portOrPath = hostPortPath.group(2) != null || hostPortPath.group(3) != null;
            type = portOrPath ? ObservableType.URL : ObservableType.DOMAIN;
        }
        return Optional.ofNullable(type);
    }

    private static boolean isNationalPhone(String value) {
        return PHONE_NATIONAL.matcher(value).matches() && value.chars().filter(Character::isDigit).count() >= 8;
    }

    /** At least two labels: a dot with something on each side ({@code evil.com}, {@code evil.com.}). */
    private static boolean isDottedName(String host) {
        int dot = host.indexOf('.');
        return dot > 0 && dot < host.length() - 1 && host.charAt(dot + 1) != '.';
    }
}

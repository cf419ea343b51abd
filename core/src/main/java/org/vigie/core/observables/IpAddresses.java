package org.vigie.core.observables;

import com.google.common.net.InetAddresses;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * IP address literals in canonical form: dotted decimal for IPv4, RFC 5952 (lower case, longest run of
 * zeros compressed) for IPv6. Parsed by hand and by Guava's {@link InetAddresses}, never by
 * {@code InetAddress.getByName}, which may query DNS for anything that is not a literal.
 */
final class IpAddresses {

    private static final Pattern DOTTED_QUAD = Pattern.compile("(\\d+)\\.(\\d+)\\.(\\d+)\\.(\\d+)");
    private static final Pattern IPV6_CHARACTERS = Pattern.compile("[0-9A-Fa-f:.]+");

    private IpAddresses() {
    }

    static boolean looksLikeIpv4(String text) {
        return DOTTED_QUAD.matcher(text).matches();
    }

    /**
     * Rejects leading zeros instead of guessing: {@code 010.0.0.1} is 10.0.0.1 to some tools and
     * 8.0.0.1 (octal) to others, and a wrong guess links the wrong reports.
     */
    static String normaliseIpv4(String text) {
        String value = text.strip();
        refuseRange(value);
        Matcher quad = DOTTED_QUAD.matcher(value);
        if (!quad.matches()) {
            throw new InvalidObservableException("not a valid IPv4 address: " + value + " (four numbers from 0 to 255, separated by dots)");
        }
        StringBuilder canonical = new StringBuilder();
        for (int i = 1; i <= 4; i++) {
            String part = quad.group(i);
            if (part.length() > 3 || Integer.parseInt(part) > 255) {
                throw new InvalidObservableException("not a valid IPv4 address: " + value + " (each number is 0 to 255)");
            }
            if (part.length() > 1 && part.startsWith("0")) {
                throw new InvalidObservableException("not a valid IPv4 address: " + value
                        + " (leading zeros are ambiguous: some tools read them as octal)");
            }
            canonical.append(i > 1 ? "." : "").append(Integer.parseInt(part));
        }
        return canonical.toString();
    }

    /** A range would correlate with nothing (keys are addresses) and hide which address was seen. */
    private static void refuseRange(String value) {
        if (value.contains("/")) {
            throw new InvalidObservableException("a range is not an observable: " + value + " (enter the addresses seen, one a line)");
        }
    }

    /** Accepts the bracketed form copied from a URL ({@code [2001:db8::1]}). */
    static String normaliseIpv6(String text) {
        String value = text.strip();
        refuseRange(value);
        String literal = value.startsWith("[") && value.endsWith("]") ? value.substring(1, value.length() - 1) : value;
        if (literal.contains("%")) {
            throw new InvalidObservableException("not a valid IPv6 address: " + value
                    + " (a zone index after % only means something on one machine: leave it out)");
        }
        if (!IPV6_CHARACTERS.matcher(literal).matches() || !literal.contains(":") || !InetAddresses.isInetAddress(literal)) {
            throw new InvalidObservableException("not a valid IPv6 address: " + value);
        }
        InetAddress address = InetAddresses.forString(literal);
        if (address instanceof Inet4Address) {
            // Java turns ::ffff:a.b.c.d into an IPv4 address; so should the reporter, or it matches nothing.
            throw new InvalidObservableException(value + " is the IPv4 address " + address.getHostAddress()
                    + " written as IPv6: enter " + address.getHostAddress() + " instead, so that it matches other reports");
        }
        return InetAddresses.toAddrString(address);
    }
}

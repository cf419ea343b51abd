package org.vigie.core.observables;

import com.google.common.net.InetAddresses;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A CIDR block such as {@code 10.0.0.0/8} or {@code fe80::/10}, for the warning list. */
final class IpRange {

    private static final Pattern CIDR = Pattern.compile("([^/\\s]+)/(\\d{1,3})");

    private final byte[] network;
    private final int prefixLength;
    private final String text;

    private IpRange(byte[] network, int prefixLength, String text) {
        this.network = network;
        this.prefixLength = prefixLength;
        this.text = text;
    }

    /** @throws IllegalArgumentException on anything but an address literal, a slash and a prefix length */
    static IpRange parse(String cidr) {
        Matcher matcher = CIDR.matcher(cidr.strip());
        if (!matcher.matches() || !InetAddresses.isInetAddress(matcher.group(1))) {
            throw new IllegalArgumentException("not a CIDR range: " + cidr);
        }
        byte[] network = InetAddresses.forString(matcher.group(1)).getAddress();
        int prefixLength = Integer.parseInt(matcher.group(2));
        if (prefixLength > network.length * 8) {
            throw new IllegalArgumentException("prefix too long for the address: " + cidr);
        }
        return new IpRange(network, prefixLength, cidr.strip());
    }

    /** @param address an address literal, IPv4 or IPv6; one of the other family is never inside */
    boolean contains(String address) {
        if (!InetAddresses.isInetAddress(address)) {
            return false;
        }
        byte[] bytes = InetAddresses.forString(address).getAddress();
        if (bytes.length != network.length) {
            return false;
        }
        for (int bit = 0; bit < prefixLength; bit++) {
            int mask = 0x80 >> (bit % 8);
            if ((bytes[bit / 8] & mask) != (network[bit / 8] & mask)) {
                return false;
            }
        }
        return true;
    }

    @Override
    public String toString() {
        return text;
    }
}

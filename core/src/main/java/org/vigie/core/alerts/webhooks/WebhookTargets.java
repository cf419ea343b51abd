package org.vigie.core.alerts.webhooks;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The SSRF rules for webhook targets. A webhook makes the Vigie server send requests to a URL a user
 * typed; without these rules that user could make the server reach what only the server can reach —
 * its own admin ports, the database, the cloud metadata service (169.254.169.254, which hands out
 * credentials) or machines on the private network.
 *
 * <p>A target is refused when its URL is not http(s), carries credentials, or when <em>any</em> of
 * the addresses its host resolves to is loopback, unspecified, link-local (metadata included),
 * private (10/8, 172.16/12, 192.168/16, fc00::/7), CGNAT (100.64/10), multicast, or otherwise not a
 * public unicast address (benchmark, documentation, reserved ranges). IPv4-mapped and IPv4-compatible
 * IPv6 addresses, 6to4 and NAT64 are judged by the IPv4 address they carry. Checking every address,
 * not only the first, matters: a host with one public and one private record would otherwise pass the
 * check and be connected to on the private one.
 *
 * <p>{@code allowPrivate} (an administrator's setting for closed networks and tests) lifts the address
 * rules but never the scheme and credentials rules.
 */
public final class WebhookTargets {

    /** Resolves a host name to all its addresses; the JDK's by default, a fake one in tests. */
    @FunctionalInterface
    public interface Resolver {
        InetAddress[] resolveAll(String host) throws UnknownHostException;

        Resolver SYSTEM = InetAddress::getAllByName;
    }

    private WebhookTargets() {
    }

    /**
     * Checks the form of a URL (no DNS): absolute http or https, a host, no user-info.
     *
     * @throws WebhookTargetRefused naming the reason
     */
    public static URI parse(String url) {
        if (url == null || url.isBlank()) {
            throw new WebhookTargetRefused("is required");
        }
        URI uri;
        try {
            uri = new URI(url.trim());
        } catch (URISyntaxException e) {
            throw new WebhookTargetRefused("is not a valid URL (" + e.getReason() + " at index " + e.getIndex() + ")");
        }
        String scheme = uri.getScheme() == null ? null : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!"http".equals(scheme) && !"https".equals(scheme)) {
            throw new WebhookTargetRefused("must use http or https, not " + (scheme == null ? "a relative URL" : scheme));
        }
        if (uri.getRawUserInfo() != null || (uri.getRawAuthority() != null && uri.getRawAuthority().contains("@"))) {
            // Credentials in a URL end up in logs and in the subscription list; receivers authenticate
            // Vigie by the signature instead.
            throw new WebhookTargetRefused("must not contain credentials (user:password@); the receiver checks the X-Vigie-Signature-256 header instead");
        }
        if (uri.getHost() == null || uri.getHost().isEmpty()) {
            throw new WebhookTargetRefused("has no host name");
        }
        if (uri.getRawFragment() != null) {
            throw new WebhookTargetRefused("must not have a fragment (#…)");
        }
        return uri;
    }

    /**
     * Parses, resolves and checks every address of the host.
     *
     * @return the addresses the host resolved to, all acceptable
     * @throws WebhookTargetRefused naming the reason, and the offending address
     */
    public static List<InetAddress> vet(String url, boolean allowPrivate, Resolver resolver) {
        return vet(parse(url), allowPrivate, resolver);
    }

    public static List<InetAddress> vet(URI uri, boolean allowPrivate, Resolver resolver) {
        String host = hostOf(uri);
        InetAddress[] addresses;
        try {
            addresses = resolver.resolveAll(host);
        } catch (UnknownHostException e) {
            throw new WebhookHostUnresolved(host);
        }
        if (addresses == null || addresses.length == 0) {
            throw new WebhookHostUnresolved(host);
        }
        if (!allowPrivate) {
            for (InetAddress address : addresses) {
                Optional<String> why = forbidden(address);
                if (why.isPresent()) {
                    throw new WebhookTargetRefused("host " + host + " resolves to " + address.getHostAddress() + ", " + why.get()
                            + "; internal targets are refused unless an administrator sets vigie.webhooks.allow-private-targets"
                            + " (VIGIE_ALLOW_PRIVATE_WEBHOOKS=true)");
                }
            }
        }
        return List.of(addresses);
    }

    /** The host without IPv6 brackets, as a resolver takes it. */
    public static String hostOf(URI uri) {
        String host = uri.getHost();
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        return host;
    }

    /** Why an address may not be a webhook target, or empty if it is a public unicast address. */
    public static Optional<String> forbidden(InetAddress address) {
        if (address instanceof Inet6Address v6) {
            byte[] b = v6.getAddress();
            Optional<byte[]> embedded = embeddedIpv4(b);
            if (embedded.isPresent()) {
                return forbiddenIpv4(embedded.get()).map(why -> why + " (IPv4 inside an IPv6 address)");
            }
            return forbiddenIpv6(b);
        }
        if (address instanceof Inet4Address) {
            return forbiddenIpv4(address.getAddress());
        }
        return Optional.of("an unknown kind of address");
    }

    private static Optional<String> forbiddenIpv4(byte[] a) {
        int b0 = a[0] & 0xff;
        int b1 = a[1] & 0xff;
        int b2 = a[2] & 0xff;
        int b3 = a[3] & 0xff;
        if (b0 == 169 && b1 == 254 && b2 == 169 && b3 == 254) {
            return Optional.of("the cloud metadata address");
        }
        if (b0 == 0) {
            return Optional.of("an unspecified address (0.0.0.0/8)");
        }
        if (b0 == 127) {
            return Optional.of("a loopback address");
        }
        if (b0 == 10 || (b0 == 172 && (b1 & 0xf0) == 16) || (b0 == 192 && b1 == 168)) {
            return Optional.of("a private address");
        }
        if (b0 == 100 && (b1 & 0xc0) == 64) {
            return Optional.of("a carrier-grade NAT address (100.64.0.0/10)");
        }
        if (b0 == 169 && b1 == 254) {
            return Optional.of("a link-local address");
        }
        if (b0 >= 224 && b0 <= 239) {
            return Optional.of("a multicast address");
        }
        if (b0 >= 240) {
            return Optional.of("a reserved or broadcast address");
        }
        if (b0 == 192 && b1 == 0 && b2 == 0) {
            return Optional.of("an IETF protocol address (192.0.0.0/24)");
        }
        if ((b0 == 192 && b1 == 0 && b2 == 2) || (b0 == 198 && b1 == 51 && b2 == 100) || (b0 == 203 && b1 == 0 && b2 == 113)) {
            return Optional.of("a documentation address");
        }
        if (b0 == 198 && (b1 == 18 || b1 == 19)) {
            return Optional.of("a benchmarking address (198.18.0.0/15)");
        }
        return Optional.empty();
    }

    private static Optional<String> forbiddenIpv6(byte[] a) {
        boolean allZeroButLast = true;
        for (int i = 0; i < 15; i++) {
            if (a[i] != 0) {
                allZeroButLast = false;
                break;
            }
        }
        if (allZeroButLast && a[15] == 0) {
            return Optional.of("an unspecified address (::)");
        }
        if (allZeroButLast && a[15] == 1) {
            return Optional.of("a loopback address");
        }
        int b0 = a[0] & 0xff;
        int b1 = a[1] & 0xff;
        if (b0 == 0xff) {
            return Optional.of("a multicast address");
        }
        if ((b0 & 0xfe) == 0xfc) {
            return Optional.of("a private address (fc00::/7)");
        }
        if (b0 == 0xfe && (b1 & 0xc0) == 0x80) {
            return Optional.of("a link-local address");
        }
        if (b0 == 0xfe && (b1 & 0xc0) == 0xc0) {
            return Optional.of("a site-local address");
        }
        if (b0 == 0x20 && b1 == 0x01 && (a[2] & 0xff) == 0x0d && (a[3] & 0xff) == 0xb8) {
            return Optional.of("a documentation address (2001:db8::/32)");
        }
        if ((b0 & 0xe0) != 0x20) {
            // Only 2000::/3 is global unicast today; the rest is reserved.
            return Optional.of("not a global unicast address");
        }
        return Optional.empty();
    }

    /**
     * The IPv4 address an IPv6 address carries and a connection would reach: IPv4-mapped
     * (::ffff:a.b.c.d), IPv4-compatible (::a.b.c.d), NAT64 (64:ff9b::/96) and 6to4 (2002:abcd:…).
     * The JDK already turns ::ffff:a.b.c.d into an Inet4Address when parsing text, but a resolver may
     * still hand back the 16-byte form, so it is checked here too.
     */
    private static Optional<byte[]> embeddedIpv4(byte[] a) {
        boolean first10Zero = true;
        for (int i = 0; i < 10; i++) {
            if (a[i] != 0) {
                first10Zero = false;
                break;
            }
        }
        boolean mapped = first10Zero && (a[10] & 0xff) == 0xff && (a[11] & 0xff) == 0xff;
        boolean compatible = first10Zero && a[10] == 0 && a[11] == 0
                && !(a[12] == 0 && a[13] == 0 && a[14] == 0 && (a[15] == 0 || a[15] == 1));
        if (mapped || compatible) {
            return Optional.of(new byte[] {a[12], a[13], a[14], a[15]});
        }
        boolean nat64 = (a[0] & 0xff) == 0x00 && (a[1] & 0xff) == 0x64 && (a[2] & 0xff) == 0xff && (a[3] & 0xff) == 0x9b;
        for (int i = 4; nat64 && i < 12; i++) {
            nat64 = a[i] == 0;
        }
        if (nat64) {
            return Optional.of(new byte[] {a[12], a[13], a[14], a[15]});
        }
        if ((a[0] & 0xff) == 0x20 && (a[1] & 0xff) == 0x02) {
            return Optional.of(new byte[] {a[2], a[3], a[4], a[5]});
        }
        return Optional.empty();
    }
}

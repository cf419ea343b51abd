package org.vigie.core.observables;

import java.util.Objects;

/**
 * A URL in the form correlation compares, split into the parts other rules need (the host for the
 * registrable domain and the warning list, the path and query to tell a home page).
 *
 * @param scheme "http" or "https"
 * @param host   lower-case ASCII host name, dotted IPv4, or IPv6 in RFC 5952 form (without brackets)
 * @param port   the port, or -1 when it is the scheme's default (80 for http, 443 for https)
 * @param path   the path, at least "/"
 * @param query  the query without "?", or null when there is none left
 */
record NormalisedUrl(String scheme, String host, int port, String path, String query) {

    NormalisedUrl {
        Objects.requireNonNull(scheme, "scheme");
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(path, "path");
    }

    boolean isIpv6Host() {
        return host.contains(":");
    }

    boolean isIpv4Host() {
        return IpAddresses.looksLikeIpv4(host);
    }

    /** The site's front page, with nothing after the host: it says no more than the host does. */
    boolean isHomePage() {
        return path.equals("/") && query == null;
    }

    @Override
    public String toString() {
        return scheme + "://" + (isIpv6Host() ? "[" + host + "]" : host) + (port >= 0 ? ":" + port : "") + path
                + (query != null ? "?" + query : "");
    }
}

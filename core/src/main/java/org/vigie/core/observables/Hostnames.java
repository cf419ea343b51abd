package org.vigie.core.observables;

import com.google.common.net.InternetDomainName;
import java.net.IDN;
import java.util.Locale;
import java.util.Optional;

/**
 * Host names as correlation compares them: lower case, ASCII (internationalised names in punycode, so
 * that {@code bücher.example} and {@code xn--bcher-kva.example} are one name), without the trailing dot
 * of a fully qualified name. Registrable domains come from the Public Suffix List that Guava bundles,
 * private section included, so that {@code alice.github.io} and {@code bob.github.io} stay apart.
 */
final class Hostnames {

    private Hostnames() {
    }

    /** Any syntactically valid host name; URLs may point at names without a public suffix. */
    static String normalise(String host) {
        String name = host.strip().toLowerCase(Locale.ROOT);
        if (name.endsWith(".")) {
            name = name.substring(0, name.length() - 1);
        }
        String ascii;
        try {
            ascii = IDN.toASCII(name).toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            throw new InvalidObservableException("not a valid domain name: " + host.strip());
        }
        if (ascii.isEmpty() || !InternetDomainName.isValid(ascii)) {
            throw new InvalidObservableException("not a valid domain name: " + host.strip());
        }
        return ascii;
    }

    /**
     * A name someone can register or be given: under a public suffix, not a suffix itself. This is what
     * a reporter means by a domain, and what has a registrable domain to correlate on.
     */
    static String normaliseRegistrable(String host) {
        String ascii = normalise(host);
        InternetDomainName name = InternetDomainName.from(ascii);
        if (name.isPublicSuffix()) {
            throw new InvalidObservableException(ascii + " is a public suffix, not a domain: name one registered under it");
        }
        if (!name.isUnderPublicSuffix()) {
            throw new InvalidObservableException(ascii + " has no known public suffix (such as .com or .fr): check the spelling");
        }
        return ascii;
    }

    /** {@code news.evil.co.uk} → {@code evil.co.uk}; empty for names outside the Public Suffix List. */
    static Optional<String> registrableDomain(String asciiHost) {
        if (!InternetDomainName.isValid(asciiHost)) {
            return Optional.empty();
        }
        InternetDomainName name = InternetDomainName.from(asciiHost);
        return name.isUnderPublicSuffix() ? Optional.of(name.topPrivateDomain().toString()) : Optional.empty();
    }

    static boolean isPublicSuffix(String asciiHost) {
        return InternetDomainName.isValid(asciiHost) && InternetDomainName.from(asciiHost).isPublicSuffix();
    }
}

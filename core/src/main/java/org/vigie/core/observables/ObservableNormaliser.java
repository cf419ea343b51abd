package org.vigie.core.observables;

import java.util.Objects;

/**
 * Turns a value of a known type into an {@link Observable}: refanged, trimmed and normalised so that
 * equal observables have equal {@link Observable#normalised()} values. The rules for each type are
 * described on the classes that apply them; in short:
 *
 * <ul>
 *   <li>URL: see {@link UrlNormaliser} (scheme and host case, punycode, default ports, tracking
 *       parameters, fragment, percent-encoding);</li>
 *   <li>DOMAIN: lower-case punycode without trailing dot, under a public suffix; subdomains are kept
 *       (the correlation key is the registrable domain, see {@link CorrelationKeys});</li>
 *   <li>IPV4: dotted decimal, leading zeros refused; IPV6: RFC 5952;</li>
 *   <li>EMAIL: lower case, punycode domain;</li>
 *   <li>FILE_HASH: lower-case hex, algorithm from the length;</li>
 *   <li>PHONE: E.164, {@code +} and digits;</li>
 *   <li>SOCIAL_ACCOUNT: {@code platform:handle}, case folded where the platform ignores case.</li>
 * </ul>
 *
 * Stateless, and it never touches the network.
 */
public final class ObservableNormaliser {

    private ObservableNormaliser() {
    }

    /**
     * @param raw the value as entered; kept as the observable's {@code raw}
     * @throws InvalidObservableException with a reason written for the reporter
     */
    public static Observable normalise(ObservableType type, String raw) {
        Objects.requireNonNull(type, "type");
        String value = Refanging.refang(raw == null ? "" : raw);
        if (value.isEmpty()) {
            throw new InvalidObservableException("empty: nothing to record");
        }
        String entered = raw.strip();
        return switch (type) {
            case URL -> Observable.of(type, entered, UrlNormaliser.normalise(value).toString());
            case DOMAIN -> Observable.of(type, entered, Hostnames.normaliseRegistrable(value));
            case IPV4 -> Observable.of(type, entered, IpAddresses.normaliseIpv4(value));
            case IPV6 -> Observable.of(type, entered, IpAddresses.normaliseIpv6(value));
            case EMAIL -> Observable.of(type, entered, EmailAddresses.normalise(value));
            case PHONE -> Observable.of(type, entered, PhoneNumbers.normalise(value));
            case FILE_HASH -> FileHashes.normalise(entered, value);
            case SOCIAL_ACCOUNT -> SocialAccounts.normalise(entered, value);
        };
    }
}

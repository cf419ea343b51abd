package org.vigie.core.observables;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Derives the correlation keys of an observable (ADR 0006), minus those on the warning list.
 *
 * <ul>
 *   <li>URL: the normalised URL, and what its host names: the registrable domain ("domain" key), or
 *       the address for a URL on an IP literal ("ipv4"/"ipv6" key);</li>
 *   <li>DOMAIN: its registrable domain only ({@code news.evil.co.uk} → {@code evil.co.uk}): two
 *       subdomains of one registered domain are one operator far more often than not, and a finer
 *       "hostname" key would add rows without adding links;</li>
 *   <li>EMAIL: the address, and the registrable domain of its domain (dropped for webmail providers by
 *       the warning list);</li>
 *   <li>everything else: its normalised value.</li>
 * </ul>
 */
public final class CorrelationKeys {

    private final WarningList warningList;

    public CorrelationKeys(WarningList warningList) {
        this.warningList = Objects.requireNonNull(warningList, "warningList");
    }

    /** Keys filtered by the bundled warning list. */
    public static CorrelationKeys standard() {
        return new CorrelationKeys(WarningList.standard());
    }

    public WarningList warningList() {
        return warningList;
    }

    /** The keys to store for this observable: the candidates not on the warning list. */
    public List<CorrelationKey> keysOf(Observable observable) {
        return candidatesOf(observable).stream().filter(key -> !warningList.isWarned(key)).toList();
    }

    /** Every key the observable gives before the warning list is applied, most specific first. */
    public List<CorrelationKey> candidatesOf(Observable observable) {
        String value = observable.normalised();
        List<CorrelationKey> keys = new ArrayList<>();
        switch (observable.type()) {
            case URL -> {
                keys.add(CorrelationKey.of(ObservableType.URL, value));
                NormalisedUrl url = UrlNormaliser.normalise(value);
                if (url.isIpv6Host()) {
                    keys.add(CorrelationKey.of(ObservableType.IPV6, url.host()));
                } else if (url.isIpv4Host()) {
                    keys.add(CorrelationKey.of(ObservableType.IPV4, url.host()));
                } else {
                    Hostnames.registrableDomain(url.host()).ifPresent(d -> keys.add(CorrelationKey.of(ObservableType.DOMAIN, d)));
                }
            }
            case DOMAIN -> Hostnames.registrableDomain(value).ifPresent(d -> keys.add(CorrelationKey.of(ObservableType.DOMAIN, d)));
            case EMAIL -> {
                keys.add(CorrelationKey.of(ObservableType.EMAIL, value));
                Hostnames.registrableDomain(EmailAddresses.domainOf(value))
                        .ifPresent(d -> keys.add(CorrelationKey.of(ObservableType.DOMAIN, d)));
            }
            default -> keys.add(CorrelationKey.of(observable.type(), value));
        }
        return List.copyOf(keys);
    }
}

package org.vigie.core.observables;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Values too common to mean anything when two reports share them, after MISP's warning lists: the
 * platforms' own domains, URL shorteners, webmail providers, private and reserved addresses, the hash
 * of an empty file. Correlating on them would link every report to every other and bury real links.
 * A warned value stays in its report as an observable; it only gives no correlation key.
 *
 * <p>The values live in {@code warning-list.txt} beside this class, which says where each list comes
 * from; {@link #parse(String)} documents the format.
 */
public final class WarningList {

    private static final String RESOURCE = "warning-list.txt";
    private static final Pattern SECTION = Pattern.compile("\\[(domain|ip-range|exact ([a-z0-9-]+))\\]\\s+(\\S.*)");

    private final Map<String, String> domains;
    private final Map<IpRange, String> ranges;
    private final Map<CorrelationKey, String> exact;

    private WarningList(Map<String, String> domains, Map<IpRange, String> ranges, Map<CorrelationKey, String> exact) {
        this.domains = Map.copyOf(domains);
        this.ranges = Collections.unmodifiableMap(new LinkedHashMap<>(ranges));
        this.exact = Map.copyOf(exact);
    }

    /** The list bundled with Vigie, read once. */
    public static WarningList standard() {
        return Bundled.LIST;
    }

    /**
     * Reads a warning list. {@code #} starts a comment; a section line {@code [matcher] reason} is
     * followed by its values, one a line. The reason is shown to the analyst. Matchers:
     * <ul>
     *   <li>{@code [domain]}: a domain and all its subdomains give no "domain" key, and their bare home
     *       pages ({@code https://facebook.com/}) no "url" key. A public suffix is refused: listing
     *       {@code github.io} would silence every site hosted under it;</li>
     *   <li>{@code [ip-range]}: CIDR blocks giving no "ipv4" or "ipv6" key;</li>
     *   <li>{@code [exact kind]}: values of that observable type (normalised on reading) giving no key.</li>
     * </ul>
     *
     * @throws IllegalArgumentException naming the line, so that a broken list fails at start-up
     */
    public static WarningList parse(String text) {
        Map<String, String> domains = new LinkedHashMap<>();
        Map<IpRange, String> ranges = new LinkedHashMap<>();
        Map<CorrelationKey, String> exact = new LinkedHashMap<>();
        String[] lines = text.split("\\R");
        Matcher section = null;
        for (int i = 0; i < lines.length; i++) {
            int comment = lines[i].indexOf('#');
            String line = (comment < 0 ? lines[i] : lines[i].substring(0, comment)).strip();
            if (line.isEmpty()) {
                continue;
            }
            try {
                if (line.startsWith("[")) {
                    section = SECTION.matcher(line);
                    if (!section.matches()) {
                        throw new IllegalArgumentException("expected [domain], [ip-range] or [exact kind] followed by a reason");
                    }
                    continue;
                }
                if (section == null) {
                    throw new IllegalArgumentException("a value before any [section]");
                }
                String reason = section.group(3).strip();
                if (section.group(1).equals("domain")) {
                    domains.put(listedDomain(line), reason);
                } else if (section.group(1).equals("ip-range")) {
                    ranges.put(IpRange.parse(line), reason);
                } else {
                    ObservableType type = ObservableType.fromKey(section.group(2));
                    exact.put(CorrelationKey.of(type, ObservableNormaliser.normalise(type, line).normalised()), reason);
                }
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("warning list, line " + (i + 1) + ": " + e.getMessage(), e);
            }
        }
        return new WarningList(domains, ranges, exact);
    }

    private static String listedDomain(String line) {
        String domain = Hostnames.normalise(line);
        if (Hostnames.isPublicSuffix(domain)) {
            throw new IllegalArgumentException(domain + " is a public suffix: its registrable domains already stay apart");
        }
        return domain;
    }

    /** Why this key must not correlate, or empty if it may. */
    public Optional<String> reason(CorrelationKey key) {
        Objects.requireNonNull(key, "key");
        String listed = exact.get(key);
        if (listed != null) {
            return Optional.of(listed);
        }
        String kind = key.kind();
        if (kind.equals(ObservableType.DOMAIN.key())) {
            return domainReason(key.value());
        }
        if (kind.equals(ObservableType.URL.key())) {
            return homePageReason(key.value());
        }
        if (kind.equals(ObservableType.IPV4.key()) || kind.equals(ObservableType.IPV6.key())) {
            return ranges.entrySet().stream().filter(e -> e.getKey().contains(key.value())).map(Map.Entry::getValue).findFirst();
        }
        return Optional.empty();
    }

    public boolean isWarned(CorrelationKey key) {
        return reason(key).isPresent();
    }

    /** The domain itself or any parent: {@code m.facebook.com} is as common as {@code facebook.com}. */
    private Optional<String> domainReason(String domain) {
        for (String name = domain; ; name = name.substring(name.indexOf('.') + 1)) {
            String reason = domains.get(name);
            if (reason != null) {
                return Optional.of(reason);
            }
            if (name.indexOf('.') < 0) {
                return Optional.empty();
            }
        }
    }

    private Optional<String> homePageReason(String url) {
        NormalisedUrl parsed;
        try {
            parsed = UrlNormaliser.normalise(url);
        } catch (InvalidObservableException e) {
            return Optional.empty();
        }
        if (!parsed.isHomePage() || parsed.isIpv4Host() || parsed.isIpv6Host()) {
            return Optional.empty();
        }
        return domainReason(parsed.host()).map(reason -> "the home page of " + parsed.host() + ", " + reason);
    }

    /** Loaded on first use, not when the class is: a list built with {@link #parse} needs no resource. */
    private static final class Bundled {
        static final WarningList LIST = load();

        private static WarningList load() {
            try (InputStream in = WarningList.class.getResourceAsStream(RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException("missing resource " + RESOURCE + " beside " + WarningList.class.getName());
                }
                return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}

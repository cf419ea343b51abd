package org.vigie.server.publicsite;

import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.WebRequest;

/**
 * The addresses of the public site and its caching rules. Absolute addresses are built on the
 * configured public URL ({@code vigie.public-site.url}), never on a request's Host header: a page a
 * shared cache keeps must not carry an address an attacker chose.
 */
@Component
public class PublicSite {

    private final String base;
    private final Duration maxAge;
    private final PublishedStatements statements;
    /** Part of every ETag: a new version of Vigie (other templates, other texts) must not be answered 304. */
    private final String startedAt;

    PublicSite(@Value("${vigie.public-site.url}") String base, @Value("${vigie.public-site.max-age:60s}") Duration maxAge,
               PublishedStatements statements, Clock clock) {
        this.base = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
        this.maxAge = maxAge;
        this.statements = statements;
        this.startedAt = clock.instant().toString();
    }

    /** The public URL of Vigie, without a trailing slash. */
    public String base() {
        return base;
    }

    public String absolute(String path) {
        return base + path;
    }

    static String home(Language language) {
        return "/public/" + language.code() + "/";
    }

    static String statement(Language language, String slug) {
        return "/public/" + language.code() + "/statements/" + slug;
    }

    static String statistics(Language language) {
        return "/public/" + language.code() + "/statistics";
    }

    static String methodology(Language language) {
        return "/public/" + language.code() + "/methodology";
    }

    static String feed(Language language) {
        return "/public/" + language.code() + "/feed.atom";
    }

    /** A link to the same page in another language, for {@code <link rel="alternate" hreflang>}. */
    public record Alternate(String hreflang, String href) {
    }

    /** The same page in each language, and x-default (the address that picks the reader's language). */
    List<Alternate> alternates(java.util.function.Function<Language, String> path, String xDefault) {
        List<Alternate> alternates = new ArrayList<>();
        for (Language language : Language.values()) {
            alternates.add(new Alternate(language.code(), absolute(path.apply(language))));
        }
        if (xDefault != null) {
            alternates.add(new Alternate("x-default", absolute(xDefault)));
        }
        return alternates;
    }

    /**
     * Sets Cache-Control and answers whether the client's copy is current (then the caller returns
     * null and the client gets 304 with no body). The ETag covers what the site shows (the read model's
     * fingerprint), which representation (the discriminators: path, language, page) and this Vigie's start.
     */
    boolean notModified(WebRequest request, HttpServletResponse response, String... discriminators) {
        response.setHeader(HttpHeaders.CACHE_CONTROL, "public, max-age=" + maxAge.toSeconds());
        String etag = "\"" + PublishedStatements.sha256(statements.fingerprint() + "|" + startedAt + "|"
                + String.join("|", discriminators)).substring(0, 32) + "\"";
        return request.checkNotModified(etag);
    }

    /** The language a reader without one in the address gets: their browser's, else English. */
    static Language negotiate(String acceptLanguage) {
        if (acceptLanguage == null || acceptLanguage.isBlank()) {
            return Language.EN;
        }
        try {
            Locale best = Locale.lookup(Locale.LanguageRange.parse(acceptLanguage), List.of(Locale.ENGLISH, Locale.FRENCH));
            return best == null ? Language.EN : Language.of(best);
        } catch (IllegalArgumentException malformed) {
            return Language.EN;
        }
    }
}

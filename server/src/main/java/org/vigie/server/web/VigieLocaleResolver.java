package org.vigie.server.web;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.web.servlet.LocaleResolver;

/**
 * The language of a page: the signed-in person's remembered choice, else the choice made in this
 * browser (a cookie), else the browser's Accept-Language, else English. Choosing a language sets the
 * cookie and, when signed in, remembers it for the account.
 */
public class VigieLocaleResolver implements LocaleResolver {

    public static final List<Locale> SUPPORTED = List.of(Locale.ENGLISH, Locale.FRENCH);
    static final String COOKIE = "vigie-lang";

    private final ObjectProvider<LocalePreferences> preferences;

    public VigieLocaleResolver(ObjectProvider<LocalePreferences> preferences) {
        this.preferences = preferences;
    }

    @Override
    public Locale resolveLocale(HttpServletRequest request) {
        Object chosen = request.getAttribute(COOKIE);
        if (chosen instanceof Locale locale) {
            return locale;
        }
        return preferences.stream().findFirst().flatMap(LocalePreferences::preferredLocale).map(VigieLocaleResolver::supported)
                .or(() -> fromCookie(request))
                .orElseGet(() -> fromBrowser(request));
    }

    @Override
    public void setLocale(HttpServletRequest request, HttpServletResponse response, Locale locale) {
        Locale choice = supported(locale == null ? Locale.ENGLISH : locale);
        request.setAttribute(COOKIE, choice);
        if (response != null) {
            Cookie cookie = new Cookie(COOKIE, choice.getLanguage());
            cookie.setPath("/");
            cookie.setMaxAge(60 * 60 * 24 * 365);
            cookie.setHttpOnly(true);
            cookie.setAttribute("SameSite", "Lax");
            response.addCookie(cookie);
        }
        preferences.ifAvailable(p -> p.rememberLocale(choice));
    }

    private static Optional<Locale> fromCookie(HttpServletRequest request) {
        if (request.getCookies() == null) {
            return Optional.empty();
        }
        for (Cookie cookie : request.getCookies()) {
            if (COOKIE.equals(cookie.getName())) {
                return Optional.of(supported(Locale.forLanguageTag(cookie.getValue())));
            }
        }
        return Optional.empty();
    }

    private static Locale fromBrowser(HttpServletRequest request) {
        String header = request.getHeader("Accept-Language");
        if (header == null || header.isBlank()) {
            return Locale.ENGLISH;
        }
        try {
            Locale best = Locale.lookup(Locale.LanguageRange.parse(header), SUPPORTED);
            return best == null ? Locale.ENGLISH : best;
        } catch (IllegalArgumentException malformed) {
            return Locale.ENGLISH;
        }
    }

    /**
     * Fixes the language of this request only, without a cookie or a remembered preference: for pages
     * whose address carries their language (the public site), whatever the browser or the session says.
     */
    public static void useForThisRequest(HttpServletRequest request, Locale locale) {
        request.setAttribute(COOKIE, supported(locale));
    }

    /** French or English: the languages whose message bundles exist. */
    public static Locale supported(Locale locale) {
        return "fr".equals(locale.getLanguage()) ? Locale.FRENCH : Locale.ENGLISH;
    }
}

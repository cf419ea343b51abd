package org.vigie.server.publicsite;

import java.util.Locale;
import java.util.Optional;

/**
 * The languages of the public site, each with its own addresses ({@code /public/fr/…}, {@code /public/en/…}):
 * a page has one language whatever the browser or the session says, so search engines index each
 * language under its own URL and the {@code hreflang} alternates point at stable addresses.
 */
public enum Language {
    FR(Locale.FRENCH),
    EN(Locale.ENGLISH);

    private final Locale locale;

    Language(Locale locale) {
        this.locale = locale;
    }

    public Locale locale() {
        return locale;
    }

    /** The path segment and the JSON key: "fr", "en". */
    public String code() {
        return locale.getLanguage();
    }

    Language other() {
        return this == FR ? EN : FR;
    }

    static Optional<Language> fromCode(String code) {
        for (Language language : values()) {
            if (language.code().equals(code)) {
                return Optional.of(language);
            }
        }
        return Optional.empty();
    }

    static Language of(Locale locale) {
        return "fr".equals(locale.getLanguage()) ? FR : EN;
    }
}

package org.vigie.server.web;

import java.util.Locale;
import java.util.Optional;

/**
 * Where a signed-in person's chosen language is remembered, so it follows them to another browser.
 * Implemented by the accounts module; the web module only asks.
 */
public interface LocalePreferences {

    Optional<Locale> preferredLocale();

    void rememberLocale(Locale locale);
}

package org.vigie.core.organisations;

import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * An ISO 3166-1 alpha-2 country code. Officially assigned codes are accepted, and so are the
 * user-assigned ranges (AA, QM–QZ, XA–XZ, ZZ) that exercises and fictional scenarios use, and that
 * ISO guarantees will never name a real country.
 */
public record CountryCode(String value) {

    private static final Set<String> ASSIGNED = Locale.getISOCountries(Locale.IsoCountryCode.PART1_ALPHA2);
    private static final Pattern USER_ASSIGNED = Pattern.compile("AA|Q[M-Z]|X[A-Z]|ZZ");

    public CountryCode {
        Objects.requireNonNull(value, "country code");
        if (!isValid(value)) {
            throw new IllegalArgumentException("not an ISO 3166-1 alpha-2 country code: " + value);
        }
    }

    /** Accepts lower case, as people type it, and normalises to upper case. */
    public static CountryCode of(String text) {
        return new CountryCode(text == null ? null : text.trim().toUpperCase(Locale.ROOT));
    }

    public static boolean isValid(String code) {
        return code != null && (ASSIGNED.contains(code) || USER_ASSIGNED.matcher(code).matches());
    }

    public boolean isUserAssigned() {
        return USER_ASSIGNED.matcher(value).matches();
    }

    /** The country's name in the reader's language; a user-assigned code is shown as it is. */
    public String displayName(Locale locale) {
        return isUserAssigned() ? value : new Locale("", value).getDisplayCountry(locale);
    }

    @Override
    public String toString() {
        return value;
    }
}

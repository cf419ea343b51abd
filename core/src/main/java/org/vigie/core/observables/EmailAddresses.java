package org.vigie.core.observables;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * E-mail addresses: {@code mailto:} and angle brackets removed, the domain in lower-case punycode and
 * under a public suffix, and the local part in lower case too. RFC 5321 lets a server treat the local
 * part case-sensitively, but the providers that matter do not, and reporters type addresses copied
 * from a phone screen or a printed letter inconsistently: {@code J.Dupont@} and {@code j.dupont@} are
 * one sender in practice. Provider-specific equivalences (Gmail's dots and {@code +tags}) are not
 * applied: other providers give them other meanings.
 */
final class EmailAddresses {

    /** Dot-atom local part (RFC 5322 §3.2.3); quoted local parts are left out, nobody reports them. */
    private static final Pattern LOCAL_PART = Pattern.compile("[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(\\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*");

    private EmailAddresses() {
    }

    static String normalise(String text) {
        String value = text.strip();
        if (value.regionMatches(true, 0, "mailto:", 0, 7)) {
            value = value.substring(7);
            int query = value.indexOf('?');
            value = query < 0 ? value : value.substring(0, query);
        }
        if (value.startsWith("<") && value.endsWith(">")) {
            value = value.substring(1, value.length() - 1);
        }
        int at = value.indexOf('@');
        if (at < 0 || at != value.lastIndexOf('@')) {
            throw new InvalidObservableException("not a valid email address: " + text.strip() + " (it needs exactly one @)");
        }
        String local = value.substring(0, at);
        if (local.length() > 64 || !LOCAL_PART.matcher(local).matches()) {
            throw new InvalidObservableException("not a valid email address: " + text.strip() + " (check the part before the @)");
        }
        String domain;
        try {
            domain = Hostnames.normaliseRegistrable(value.substring(at + 1));
        } catch (InvalidObservableException e) {
            throw new InvalidObservableException("not a valid email address: " + text.strip() + " (" + e.getMessage() + ")");
        }
        return local.toLowerCase(Locale.ROOT) + "@" + domain;
    }

    static String domainOf(String normalisedAddress) {
        return normalisedAddress.substring(normalisedAddress.lastIndexOf('@') + 1);
    }
}

package org.vigie.server.organisations;

import org.vigie.core.organisations.ContactTopic;
import org.vigie.core.organisations.CountryCode;
import org.vigie.core.organisations.Sector;

/** What the directory is narrowed to; null (or blank text) means "any". */
public record ContactFilter(ContactTopic topic, Sector sector, CountryCode country, String text) {

    public static ContactFilter none() {
        return new ContactFilter(null, null, null, null);
    }

    boolean hasText() {
        return text != null && !text.isBlank();
    }
}

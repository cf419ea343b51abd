package org.vigie.server.elections;

import java.time.LocalDate;
import java.util.Locale;
import org.vigie.core.taxonomy.ElectionType;

/**
 * Everything a person sets on an election, as given: the service checks it against
 * {@link ElectionRules} for creation and for a change alike (a change states every field; the API's
 * PATCH fills in those it leaves out from the election as it is).
 *
 * @param country        an ISO 3166-1 alpha-2 code, in either case
 * @param secondRoundDay null when there is no second round
 * @param campaignStarts null, with {@code campaignEnds}, when the official campaign period is not set
 */
public record ElectionDetails(String name, String country, ElectionType type, LocalDate electionDay, LocalDate secondRoundDay,
                              LocalDate campaignStarts, LocalDate campaignEnds, String description) {

    /** Trimmed text, an upper-case country code, an empty description rather than none. */
    ElectionDetails normalised() {
        return new ElectionDetails(name == null ? null : name.trim(),
                country == null ? null : country.trim().toUpperCase(Locale.ROOT),
                type, electionDay, secondRoundDay, campaignStarts, campaignEnds,
                description == null ? "" : description.trim());
    }
}

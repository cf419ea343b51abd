package org.vigie.server.elections;

import java.time.LocalDate;
import org.vigie.core.organisations.CountryCode;
import org.vigie.core.taxonomy.ElectionType;

/**
 * Which elections to list; a null criterion does not filter.
 *
 * @param from elections whose (first-round) election day is on or after this day
 * @param to   elections whose (first-round) election day is on or before this day
 */
public record ElectionFilter(CountryCode country, ElectionType type, LocalDate from, LocalDate to) {

    public static final ElectionFilter ALL = new ElectionFilter(null, null, null, null);
}

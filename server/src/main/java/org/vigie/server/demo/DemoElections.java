package org.vigie.server.demo;

import java.time.LocalDate;
import java.util.List;
import org.springframework.stereotype.Component;
import org.vigie.core.organisations.CountryCode;
import org.vigie.core.taxonomy.ElectionType;
import org.vigie.server.elections.ElectionDetails;
import org.vigie.server.elections.Elections;

/**
 * Valdoria's elections: the 2027 legislative election the demo's community and reports are about,
 * in two rounds with an official campaign, and the 2026 local elections before it. Each is created
 * once, looked up by name on later starts.
 */
@Component
class DemoElections {

    static final List<ElectionDetails> ELECTIONS = List.of(
            new ElectionDetails("Valdoria 2027 legislative election", DemoData.COUNTRY, ElectionType.LEGISLATIVE,
                    LocalDate.of(2027, 6, 13), LocalDate.of(2027, 6, 20), LocalDate.of(2027, 5, 31), LocalDate.of(2027, 6, 12),
                    "Renews the 289 seats of the National Assembly of Valdoria, in two rounds: a candidate with an absolute "
                            + "majority in the first round is elected, otherwise the leading candidates meet in the second."),
            new ElectionDetails("Valdoria 2026 local elections", DemoData.COUNTRY, ElectionType.LOCAL,
                    LocalDate.of(2026, 3, 15), LocalDate.of(2026, 3, 22), LocalDate.of(2026, 3, 2), LocalDate.of(2026, 3, 14),
                    "Municipal councils of Valdoria's 1,200 municipalities."));

    private final Elections elections;

    DemoElections(Elections elections) {
        this.elections = elections;
    }

    /** The 2027 legislative election, the context of the demo's reports. */
    org.vigie.server.elections.Election legislative() {
        ElectionDetails legislative = ELECTIONS.get(0);
        return elections.findByName(CountryCode.of(legislative.country()), legislative.name()).orElseThrow();
    }

    /** @return how many elections were created (none on a later start) */
    int seed() {
        int created = 0;
        for (ElectionDetails election : ELECTIONS) {
            if (elections.findByName(CountryCode.of(election.country()), election.name()).isEmpty()) {
                elections.createBySystem(election);
                created++;
            }
        }
        return created;
    }
}

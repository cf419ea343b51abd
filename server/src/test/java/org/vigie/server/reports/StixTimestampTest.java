package org.vigie.server.reports;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.vigie.core.taxonomy.TargetCategory;

/**
 * STIX requires milliseconds in every timestamp; {@code Instant.toString()} leaves out a zero fraction,
 * so one report in a thousand, filed on a whole second, was refused (found by {@code vigie bench reports},
 * then seen failing ReportAccessTest).
 */
class StixTimestampTest {

    private static final String STIX_TIMESTAMP = "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z";

    @Test
    void aWholeSecondKeepsItsMilliseconds() {
        assertThat(ReportStix.timestamp(Instant.parse("2026-11-24T00:13:38Z"))).isEqualTo("2026-11-24T00:13:38.000Z");
        assertThat(ReportStix.timestamp(Instant.parse("2026-11-24T00:13:38.120456Z"))).isEqualTo("2026-11-24T00:13:38.120Z");
    }

    @Test
    void anIncidentFiledOnAWholeSecondHasValidTimestamps() {
        Instant second = Instant.parse("2026-11-24T00:13:38Z");
        ReportDraft draft = new ReportDraft("Title", "", second, second, null, null, null, null,
                List.of(new Target(TargetCategory.VOTERS, null, "voters", second, null)), null, null, null, null, null, null, null, null, null);
        ObjectNode incident = new ReportStix(new ObjectMapper()).toIncident(ReportStix.newId(), second, second, false, draft);
        assertThat(incident.get("created").asText()).matches(STIX_TIMESTAMP);
        assertThat(incident.get("modified").asText()).matches(STIX_TIMESTAMP);
        assertThat(incident.toString()).doesNotContain("00:13:38Z");
    }
}

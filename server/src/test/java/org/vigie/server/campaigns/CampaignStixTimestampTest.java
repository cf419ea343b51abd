package org.vigie.server.campaigns;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** A campaign created on a whole second keeps the milliseconds STIX requires ({@code Instant.toString()} drops them). */
class CampaignStixTimestampTest {

    @Test
    void aWholeSecondKeepsItsMilliseconds() {
        Instant second = Instant.parse("2026-11-24T00:13:38Z");
        var campaign = new CampaignStix(new ObjectMapper()).toStix("campaign--" + java.util.UUID.randomUUID(), second, second, "Name", null);
        assertThat(campaign.get("created").asText()).isEqualTo("2026-11-24T00:13:38.000Z");
        assertThat(campaign.get("modified").asText()).isEqualTo("2026-11-24T00:13:38.000Z");
    }
}

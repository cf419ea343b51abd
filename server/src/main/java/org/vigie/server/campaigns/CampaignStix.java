package org.vigie.server.campaigns;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.vigie.server.knowledge.KnowledgeStore;

/**
 * A campaign as a STIX 2.1 {@code campaign}: its name and description only. Which incidents it groups
 * is kept beside the store ({@code campaign_reports}), never in the object: a reader of the campaign
 * may not see every member, and the ids (or the dates they span) would tell them those reports exist.
 * Members are read through the reports' policy, reader by reader; exports write the relationships a
 * reader may see. Campaigns written by other tools keep their own {@code incident_refs}.
 */
@Component
class CampaignStix {

    static final String EXTENSION = KnowledgeStore.CAMPAIGN_EXTENSION_ID;

    private final ObjectMapper json;

    CampaignStix(ObjectMapper json) {
        this.json = json;
    }

    static String newId() {
        return "campaign--" + UUID.randomUUID();
    }

    static Instant stixTime(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MILLIS);
    }

    /** UTC, always with milliseconds, as STIX requires ({@code Instant.toString()} leaves out a zero fraction). */
    private static final java.time.format.DateTimeFormatter TIMESTAMP = new java.time.format.DateTimeFormatterBuilder().appendInstant(3)
            .toFormatter();

    ObjectNode toStix(String id, Instant created, Instant modified, String name, String description) {
        ObjectNode campaign = json.createObjectNode();
        campaign.put("type", "campaign");
        campaign.put("spec_version", "2.1");
        campaign.put("id", id);
        campaign.put("created", TIMESTAMP.format(stixTime(created)));
        campaign.put("modified", TIMESTAMP.format(stixTime(modified)));
        campaign.put("name", name);
        if (description != null && !description.isBlank()) {
            campaign.put("description", description);
        }
        return campaign;
    }

    static String name(JsonNode campaign) {
        return campaign.path("name").asText("");
    }

    static String description(JsonNode campaign) {
        return campaign.path("description").asText("");
    }

    /** The incidents a campaign written by another tool lists in Vigie's extension; none otherwise. */
    static List<String> reportIds(JsonNode campaign) {
        List<String> ids = new ArrayList<>();
        campaign.path("extensions").path(EXTENSION).path("incident_refs").forEach(ref -> ids.add(ref.asText()));
        return ids;
    }
}

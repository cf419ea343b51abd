package org.vigie.server.campaigns;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.vigie.server.knowledge.KnowledgeStore;

/**
 * A campaign as a STIX 2.1 {@code campaign}: name, description, first and last seen, and in Vigie's
 * campaign property extension the incidents it groups ({@code incident_refs}, left out when there is
 * none: STIX forbids empty lists).
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

    ObjectNode toStix(String id, Instant created, Instant modified, String name, String description, List<String> reportIds,
                      Instant firstSeen, Instant lastSeen) {
        ObjectNode campaign = json.createObjectNode();
        campaign.put("type", "campaign");
        campaign.put("spec_version", "2.1");
        campaign.put("id", id);
        campaign.put("created", stixTime(created).toString());
        campaign.put("modified", stixTime(modified).toString());
        campaign.put("name", name);
        if (description != null && !description.isBlank()) {
            campaign.put("description", description);
        }
        if (firstSeen != null) {
            campaign.put("first_seen", stixTime(firstSeen).toString());
            campaign.put("last_seen", stixTime(lastSeen == null || lastSeen.isBefore(firstSeen) ? firstSeen : lastSeen).toString());
        }
        ObjectNode extension = campaign.putObject("extensions").putObject(EXTENSION).put("extension_type", "property-extension");
        if (!reportIds.isEmpty()) {
            ArrayNode refs = extension.putArray("incident_refs");
            reportIds.forEach(refs::add);
        }
        return campaign;
    }

    static String name(JsonNode campaign) {
        return campaign.path("name").asText("");
    }

    static String description(JsonNode campaign) {
        return campaign.path("description").asText("");
    }

    /** The incidents a campaign refers to; none for a campaign another tool wrote without the extension. */
    static List<String> reportIds(JsonNode campaign) {
        List<String> ids = new ArrayList<>();
        campaign.path("extensions").path(EXTENSION).path("incident_refs").forEach(ref -> ids.add(ref.asText()));
        return ids;
    }
}

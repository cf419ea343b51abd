package org.vigie.server.sharing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.vigie.server.support.Api;
import org.vigie.server.support.Fixtures;

/** Communities for tests, made through the API as their administrators would. */
final class CommunityFixtures {

    static final String PATH = "/api/v1/communities";

    private CommunityFixtures() {
    }

    static Map<String, Object> charter(String preamble, Map<String, Object>... objectives) {
        return Map.of("preamble", preamble, "objectives", List.of(objectives));
    }

    static Map<String, Object> objective(List<String> sectors, List<String> kinds, String defaultTlp) {
        return Map.of("sectors", sectors, "kinds", kinds, "defaultTlp", defaultTlp);
    }

    /** A charter with one objective: election bodies share incidents at AMBER. */
    static Map<String, Object> electionCharter() {
        return charter("Members share what they see of interference in the 2027 election.",
                objective(List.of("ELECTION_MANAGEMENT_BODY"), List.of("INCIDENTS"), "AMBER"));
    }

    static Map<String, Object> community(String name, Object charter) {
        return Map.of("name", name, "purpose", "Coordinates the response during the campaign", "charter", charter);
    }

    /** Creates a community as this client (an organisation's administrator: its organisation is then the first member). */
    static JsonNode create(Api creator) {
        Api.Response created = creator.post(PATH, community(Fixtures.unique("Cell"), electionCharter()));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json();
    }

    static String path(JsonNode community) {
        return PATH + "/" + community.get("id").asText();
    }

    static UUID id(JsonNode community) {
        return UUID.fromString(community.get("id").asText());
    }

    static JsonNode member(Api reader, JsonNode community, UUID organisation) {
        for (JsonNode member : reader.get(path(community)).json().get("members")) {
            if (member.get("organisationId").asText().equals(organisation.toString())) {
                return member;
            }
        }
        return null;
    }

    /** The id of the account this client is signed in as. */
    static UUID accountId(Api signedIn) {
        return UUID.fromString(signedIn.get("/api/v1/me").json().get("id").asText());
    }
}

package org.vigie.server.elections;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import org.vigie.server.support.Api;
import org.vigie.server.support.Fixtures;

/** Elections as the API takes them, with unique names. */
final class ElectionFixtures {

    static final String PATH = "/api/v1/elections";

    private ElectionFixtures() {
    }

    /** A legislative election in two rounds with its campaign, election day on {@code day}. */
    static Map<String, Object> election(String name, String country, LocalDate day) {
        Map<String, Object> election = new LinkedHashMap<>();
        election.put("name", name);
        election.put("country", country);
        election.put("type", "LEGISLATIVE");
        election.put("electionDay", day.toString());
        election.put("secondRoundDay", day.plusWeeks(1).toString());
        election.put("campaignStarts", day.minusDays(13).toString());
        election.put("campaignEnds", day.minusDays(1).toString());
        election.put("description", "Renews the national assembly.");
        return election;
    }

    static Map<String, Object> election(LocalDate day) {
        return election(Fixtures.unique("Legislative election"), "XV", day);
    }

    static Map<String, Object> with(Map<String, Object> election, String field, Object value) {
        Map<String, Object> changed = new LinkedHashMap<>(election);
        changed.put(field, value);
        return changed;
    }

    static Map<String, Object> without(Map<String, Object> election, String field) {
        Map<String, Object> changed = new LinkedHashMap<>(election);
        changed.remove(field);
        return changed;
    }

    static JsonNode create(Api api, Map<String, Object> election) {
        Api.Response created = api.post(PATH, election);
        if (created.status() != 201) {
            throw new IllegalStateException("could not create an election: " + created);
        }
        return created.json();
    }

    static String path(JsonNode election) {
        return PATH + "/" + election.get("id").asText();
    }
}

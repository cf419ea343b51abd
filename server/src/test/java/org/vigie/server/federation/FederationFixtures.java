package org.vigie.server.federation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.vigie.server.support.Api;
import org.vigie.server.support.Fixtures;

/** Communities, peers and finished sync runs for federation tests, through the public API. */
final class FederationFixtures {

    private FederationFixtures() {
    }

    /** A community whose first member (the administrator's organisation) has accepted the charter. */
    static UUID activeCommunity(Api organisationAdministrator, String name) {
        Api.Response created = organisationAdministrator.post("/api/v1/communities", Map.of("name", name,
                "purpose", "Federated sharing between hubs",
                "charter", Map.of("preamble", "Members share what they see across hubs.",
                        "objectives", List.of(Map.of("sectors", List.of("ELECTION_MANAGEMENT_BODY"), "kinds", List.of("INCIDENTS"),
                                "defaultTlp", "GREEN")))));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        UUID id = UUID.fromString(created.json().get("id").asText());
        accept(organisationAdministrator, id);
        return id;
    }

    static void accept(Api organisationAdministrator, UUID community) {
        Api.Response accepted = organisationAdministrator.post("/api/v1/communities/" + community + "/charter/accept", Map.of());
        assertThat(accepted.status()).as(accepted.toString()).isEqualTo(200);
    }

    static Map<String, Object> peer(String name, String discoveryUrl, String apiRoot, String collection, String token, UUID community) {
        Map<String, Object> peer = new LinkedHashMap<>();
        peer.put("name", name);
        peer.put("discoveryUrl", discoveryUrl);
        peer.put("apiRoot", apiRoot);
        peer.put("collectionId", collection);
        peer.put("authScheme", "BEARER");
        peer.put("token", token);
        peer.put("organisationCountry", "FR");
        peer.put("communityId", community.toString());
        peer.put("pullIntervalMinutes", 600);
        peer.put("enabled", true);
        return peer;
    }

    static UUID register(Api admin, Map<String, Object> peer) {
        Api.Response registered = admin.post("/api/v1/peers", peer);
        assertThat(registered.status()).as(registered.toString()).isEqualTo(201);
        return UUID.fromString(registered.json().get("id").asText());
    }

    /** Starts a pull and waits for its end; answers the finished run. */
    static JsonNode syncAndWait(Api admin, UUID peer) {
        Api.Response started = admin.post("/api/v1/peers/" + peer + "/sync", Map.of());
        assertThat(started.status()).as(started.toString()).isEqualTo(202);
        return waitFor(admin, peer, started.json().get("id").asText());
    }

    static JsonNode waitFor(Api admin, UUID peer, String run) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (Instant.now().isBefore(deadline)) {
            JsonNode current = admin.get("/api/v1/peers/" + peer + "/runs/" + run).json();
            if (!"RUNNING".equals(current.get("state").asText())) {
                return current;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new AssertionError("run " + run + " still running after 60 s");
    }

    /** Waits for the newest run in that direction to end (a push follows its pull). */
    static JsonNode waitForLatest(Api admin, UUID peer, String direction) {
        return waitForLatest(admin, peer, direction, null);
    }

    /** The same, for a run started after the given one. */
    static JsonNode waitForLatest(Api admin, UUID peer, String direction, JsonNode after) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (Instant.now().isBefore(deadline)) {
            for (JsonNode run : admin.get("/api/v1/peers/" + peer + "/runs").json()) {
                if (run.get("direction").asText().equals(direction)
                        && (after == null || Instant.parse(run.get("startedAt").asText()).isAfter(Instant.parse(after.get("startedAt").asText())))) {
                    if (!"RUNNING".equals(run.get("state").asText())) {
                        return run;
                    }
                    break;
                }
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new AssertionError("no finished " + direction + " run of " + peer + " after 60 s");
    }

    static String unique(String prefix) {
        return Fixtures.unique(prefix);
    }
}

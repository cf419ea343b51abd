package org.vigie.server.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.vigie.core.sharing.Distribution;
import org.vigie.core.sharing.Sharing;
import org.vigie.core.sharing.Tlp;
import org.vigie.core.sharing.Viewer;
import org.vigie.core.sharing.VisibilityPolicy;
import org.vigie.server.support.Api;
import org.vigie.server.support.Fixtures;
import org.vigie.server.support.VigieTest;

/**
 * Tries to break the sharing rules. A random world — organisations, people, communities whose
 * charter some members have not accepted, objects with random markings and distributions, some
 * re-versioned by their owner — is built through the public API. The test keeps its own model of
 * that world and asks the core policy what each person may see; then, for every (person, object),
 * it compares that answer with what each read path returns: get, versions, list, search, export.
 * Any difference is a leak or a wrongful refusal.
 *
 * <p>Fixed seed in CI; {@code -Dvigie.access.seed=N} replays a world, {@code -Dvigie.access.scale=10}
 * builds a ten times larger one.
 */
@VigieTest
class RandomisedAccessTest {

    private static final long SEED = Long.getLong("vigie.access.seed", 20_270_412L);
    private static final int SCALE = Integer.getInteger("vigie.access.scale", 1);

    @LocalServerPort
    int port;

    private final Random random = new Random(SEED);
    private Fixtures fixtures;

    record Person(UUID account, String username, UUID organisation, String role, Api client) {
    }

    record Thing(String id, Sharing sharing, int versions) {
    }

    @Test
    void everyReadPathAgreesWithThePolicyForEveryPersonAndObject() {
        fixtures = new Fixtures(port);
        String type = "x-probe-" + letters(10);
        String word = "probe" + letters(8);

        List<UUID> organisations = new ArrayList<>();
        Map<UUID, Person> administrators = new HashMap<>();
        List<Person> people = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            UUID organisation = fixtures.organisation(i % 2 == 0 ? "CIVIL_SOCIETY" : "GOVERNMENT_AGENCY");
            organisations.add(organisation);
            Person administrator = person(organisation, "ADMINISTRATOR");
            administrators.put(organisation, administrator);
            people.add(administrator);
        }
        while (people.size() < 20 * SCALE) {
            UUID organisation = organisations.get(random.nextInt(organisations.size()));
            people.add(person(organisation, random.nextBoolean() ? "ANALYST" : "VIEWER"));
        }
        Api admin = fixtures.admin();
        Person platformAdministrator = new Person(UUID.fromString(admin.get("/api/v1/me").json().get("id").asText()), "admin", null, null, admin);
        people.add(platformAdministrator);

        Map<UUID, Set<UUID>> activeCommunities = communities(organisations, administrators);

        List<Person> authors = people.stream().filter(p -> p.organisation() != null && !"VIEWER".equals(p.role())).toList();
        List<Thing> things = new ArrayList<>();
        for (int i = 0; i < 100 * SCALE; i++) {
            Person author = authors.get(random.nextInt(authors.size()));
            things.add(share(author, type, word, i, activeCommunities, organisations, people));
        }
        for (int i = 0; i < things.size() / 5; i++) {
            int index = random.nextInt(things.size());
            Thing thing = things.get(index);
            Person owner = authors.stream().filter(p -> p.organisation().equals(thing.sharing().ownerOrganisation())).findFirst().orElseThrow();
            things.set(index, reshare(owner, thing, type, word, activeCommunities, organisations, people));
        }

        long checks = 0;
        List<String> mismatches = new ArrayList<>();
        for (Person person : people) {
            Viewer viewer = new Viewer(person.account(), person.organisation(),
                    person.organisation() == null ? Set.of() : activeCommunities.getOrDefault(person.organisation(), Set.of()));
            Set<String> listed = ids(person.client().get("/api/v1/objects?size=1000&type=" + type).json().get("objects"));
            Set<String> searched = ids(person.client().get("/api/v1/objects?size=1000&q=" + word).json().get("objects"));
            Set<String> exported = ids(person.client().get("/api/v1/objects/export?size=1000&type=" + type).json().get("objects"));
            for (Thing thing : things) {
                boolean expected = VisibilityPolicy.maySee(viewer, thing.sharing());
                Api.Response got = person.client().get("/api/v1/objects/" + thing.id());
                Api.Response versions = person.client().get("/api/v1/objects/" + thing.id() + "/versions");
                Map<String, Boolean> seen = new LinkedHashMap<>();
                seen.put("get", got.status() == 200);
                seen.put("versions", versions.status() == 200 && versions.json().get("versions").size() == thing.versions());
                seen.put("list", listed.contains(thing.id()));
                seen.put("search", searched.contains(thing.id()));
                seen.put("export", exported.contains(thing.id()));
                for (Map.Entry<String, Boolean> path : seen.entrySet()) {
                    checks++;
                    if (path.getValue() != expected) {
                        mismatches.add(path.getKey() + ": " + person.username() + " " + (expected ? "must see" : "must not see")
                                + " " + thing.id() + " " + thing.sharing());
                    }
                }
                if (!expected && got.status() != 404) {
                    mismatches.add("get: a hidden object answered " + got.status() + ", not 404");
                }
            }
        }

        System.out.printf("Randomised access test (seed %d, scale %d): %,d checks over %d people and %d objects, %d mismatches%n",
                SEED, SCALE, checks, people.size(), things.size(), mismatches.size());
        assertThat(checks).isGreaterThanOrEqualTo(10_000L * SCALE);
        assertThat(mismatches).as("read paths that disagree with the policy").isEmpty();
    }

    private Person person(UUID organisation, String role) {
        String username = fixtures.account(organisation, role);
        Api client = fixtures.signedIn(username);
        return new Person(UUID.fromString(client.get("/api/v1/me").json().get("id").asText()), username, organisation, role, client);
    }

    /**
     * Three communities, each created by one organisation's administrator, with random further
     * members of which some accept the charter and some do not: only acceptance makes a member active.
     */
    private Map<UUID, Set<UUID>> communities(List<UUID> organisations, Map<UUID, Person> administrators) {
        Map<UUID, Set<UUID>> active = new HashMap<>();
        for (int c = 0; c < 3; c++) {
            UUID founder = organisations.get(random.nextInt(organisations.size()));
            Api.Response created = administrators.get(founder).client().post("/api/v1/communities", Map.of(
                    "name", Fixtures.unique("Cell"), "purpose", "randomised access test",
                    "charter", Map.of("preamble", "Share what you see.", "objectives", List.of())));
            assertThat(created.status()).as(created.body()).isEqualTo(201);
            UUID community = UUID.fromString(created.json().get("id").asText());
            active.computeIfAbsent(founder, o -> new HashSet<>()).add(community);
            for (UUID organisation : organisations) {
                if (organisation.equals(founder) || random.nextInt(3) == 0) {
                    continue;
                }
                Api.Response added = administrators.get(founder).client().post("/api/v1/communities/" + community + "/members",
                        Map.of("organisationId", organisation.toString()));
                assertThat(added.status()).as(added.body()).isEqualTo(201);
                if (random.nextBoolean()) {
                    Api.Response accepted = administrators.get(organisation).client().post("/api/v1/communities/" + community + "/charter/accept", Map.of());
                    assertThat(accepted.status()).as(accepted.body()).isEqualTo(200);
                    active.computeIfAbsent(organisation, o -> new HashSet<>()).add(community);
                }
            }
        }
        return active;
    }

    private Thing share(Person author, String type, String word, int index, Map<UUID, Set<UUID>> active, List<UUID> organisations,
                        List<Person> people) {
        String id = type + "--" + UUID.randomUUID();
        return store(author, id, type, word, "2027-04-01T10:00:00.000Z", index, 1, active, organisations, people);
    }

    private Thing reshare(Person owner, Thing thing, String type, String word, Map<UUID, Set<UUID>> active, List<UUID> organisations,
                          List<Person> people) {
        String modified = java.time.Instant.parse("2027-04-01T10:00:00Z").plus(java.time.Duration.ofDays(thing.versions()))
                .toString().replace("Z", ".000Z");
        return store(owner, thing.id(), type, word, modified, -1, thing.versions() + 1,
                active, organisations, people);
    }

    private Thing store(Person author, String id, String type, String word, String modified, int index, int versions,
                        Map<UUID, Set<UUID>> active, List<UUID> organisations, List<Person> people) {
        Tlp tlp = Tlp.values()[random.nextInt(Tlp.values().length)];
        Set<UUID> communities = sample(new ArrayList<>(active.getOrDefault(author.organisation(), Set.of())));
        Set<UUID> recipients = sample(organisations);
        Set<UUID> named = sample(people.stream().map(Person::account).toList());
        StringBuilder query = new StringBuilder("/api/v1/objects?tlp=" + tlp.name());
        communities.forEach(c -> query.append("&community=").append(c));
        recipients.forEach(o -> query.append("&organisation=").append(o));
        named.forEach(u -> query.append("&user=").append(u));
        Map<String, Object> object = new LinkedHashMap<>();
        object.put("type", type);
        object.put("spec_version", "2.1");
        object.put("id", id);
        object.put("created", "2027-04-01T10:00:00.000Z");
        object.put("modified", modified);
        object.put("name", word + " object " + index);
        Api.Response stored = author.client().post(query.toString(), object);
        assertThat(stored.status()).as(stored.body()).isEqualTo(201);
        return new Thing(id, new Sharing(author.organisation(), tlp, null, new Distribution(communities, recipients, named)), versions);
    }

    private <T> Set<T> sample(List<T> from) {
        Set<T> picked = new HashSet<>();
        if (from.isEmpty()) {
            return picked;
        }
        int count = random.nextInt(Math.min(3, from.size()) + 1);
        while (picked.size() < count) {
            picked.add(from.get(random.nextInt(from.size())));
        }
        return picked;
    }

    private static Set<String> ids(JsonNode objects) {
        Set<String> ids = new HashSet<>();
        objects.forEach(o -> ids.add(o.get("id").asText()));
        return ids;
    }

    private String letters(int count) {
        return random.ints(count, 'a', 'z' + 1).mapToObj(c -> String.valueOf((char) c)).collect(Collectors.joining());
    }
}

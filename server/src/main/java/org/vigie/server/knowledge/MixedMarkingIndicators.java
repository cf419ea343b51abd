package org.vigie.server.knowledge;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import org.vigie.core.sharing.Tlp;

/**
 * The benchmarks' data: indicators with the marking mix of a real hub (2 % CLEAR, 20 % GREEN, 30 %
 * AMBER, 10 % AMBER+STRICT, 38 % RED, so that a reader sees about a tenth), shared at random among
 * the given organisations, communities and people. Seeded: the same seed replays the same data.
 * Never reachable from a request.
 */
public final class MixedMarkingIndicators {

    private static final DateTimeFormatter STIX_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(ZoneOffset.UTC);
    private static final String[] WORDS = ("ballot fraud polling station phishing candidate deepfake leak campaign voter registration "
            + "bureau de vote fraude électorale hameçonnage candidat rumeur fuite campagne électeurs inscription urne dépouillement "
            + "typosquatting impersonation commission results counting harassment journalist narrative bot network").split(" ");

    private final BulkImport imports;
    private final ObjectMapper json;
    private final Random random;
    private final List<UUID> owners;
    private final List<UUID> communities;
    private final List<UUID> people;

    public MixedMarkingIndicators(BulkImport imports, ObjectMapper json, Random random, List<UUID> owners, List<UUID> communities,
                                  List<UUID> people) {
        this.imports = imports;
        this.json = json;
        this.random = random;
        this.owners = owners;
        this.communities = communities;
        this.people = people;
    }

    /**
     * Draws a batch's owner, sharing and seed now, on the caller's thread (so a seed replays the same
     * data); the batch is built and validated later, on the pool. For {@link BenchmarkLoad#load}.
     */
    public Supplier<BulkImport.Batch> plan(int size) {
        UUID owner = owners.get(random.nextInt(owners.size()));
        SharingRequest sharing = new SharingRequest(null, null, pick(random, communities, 1),
                pick(random, owners, 1 + random.nextInt(2)), pick(random, people, 1 + random.nextInt(3)));
        long chunkSeed = random.nextLong();
        return () -> {
            Random chunkRandom = new Random(chunkSeed);
            List<com.fasterxml.jackson.databind.JsonNode> chunk = new ArrayList<>(size);
            for (int i = 0; i < size; i++) {
                chunk.add(indicator(chunkRandom));
            }
            return imports.prepare(owner, people.get(1), chunk, sharing);
        };
    }

    /** A word of the indicators' vocabulary, for search queries that find something. */
    public static String word(Random random) {
        return WORDS[random.nextInt(WORDS.length)];
    }

    /** Random ids standing for communities or people that need no row of their own. */
    public static List<UUID> uuids(int count) {
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            ids.add(UUID.randomUUID());
        }
        return ids;
    }

    private ObjectNode indicator(Random random) {
        int roll = random.nextInt(100);
        Tlp tlp = roll < 2 ? Tlp.CLEAR : roll < 22 ? Tlp.GREEN : roll < 52 ? Tlp.AMBER : roll < 62 ? Tlp.AMBER_STRICT : Tlp.RED;
        String timestamp = STIX_TIME.format(Instant.parse("2027-01-01T00:00:00Z").plusMillis(random.nextInt(1_000_000_000) * 10L));
        ObjectNode indicator = json.createObjectNode();
        indicator.put("type", "indicator");
        indicator.put("spec_version", "2.1");
        indicator.put("id", "indicator--" + randomUuid(random));
        indicator.put("created", timestamp);
        indicator.put("modified", timestamp);
        indicator.put("name", words(random, 3));
        indicator.put("description", words(random, 12));
        indicator.put("pattern", "[domain-name:value = 'site-" + random.nextInt(1_000_000) + ".example']");
        indicator.put("pattern_type", "stix");
        indicator.put("valid_from", timestamp);
        indicator.putArray("object_marking_refs").add(tlp.markingDefinitionId());
        return indicator;
    }

    /** A version-4 UUID from the seeded generator (STIX identifiers must be RFC 4122 UUIDs). */
    private static UUID randomUuid(Random random) {
        long high = (random.nextLong() & ~0xF000L) | 0x4000L;
        long low = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(high, low);
    }

    private static String words(Random random, int count) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < count; i++) {
            text.append(i == 0 ? "" : " ").append(word(random));
        }
        return text.toString();
    }

    private static Set<UUID> pick(Random random, List<UUID> from, int count) {
        Set<UUID> picked = new HashSet<>();
        while (picked.size() < count) {
            picked.add(from.get(random.nextInt(from.size())));
        }
        return picked;
    }
}

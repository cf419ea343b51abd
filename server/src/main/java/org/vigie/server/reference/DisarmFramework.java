package org.vigie.server.reference;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The DISARM framework (red: how influence operations are run; blue: countermeasures), read once at
 * start-up from the files shipped in {@code reference/disarm/} into an immutable model.
 *
 * <p>The STIX bundle is streamed with Jackson, object by object. Upstream quirks handled here:
 * techniques carry {@code kill_chain_name} and {@code external_references[].source_name}
 * {@code "mitre-attack"} (an ATT&amp;CK Navigator compatibility choice): they are DISARM techniques. The model reads them so; the STIX objects are published unchanged.
 * A technique's tactic is the tactic whose {@code x_mitre_shortname} is its kill-chain
 * {@code phase_name}; the red grid (red_framework_ids.csv) must agree, and gives the order of
 * techniques in a tactic and the phase of each tactic. Tactics are ordered as the framework's own
 * matrix lists them ({@code x-mitre-matrix.tactic_refs}), which keeps each phase's tactics together;
 * the grid's column order interleaves phases (TA13, a Plan tactic, comes after TA12, Assess).
 * Inconsistent data fails at start-up with a message naming what is off.
 *
 * <p>Every object and list returned is immutable, except {@link #stixObjects()}, which returns a fresh
 * copy on each call.
 */
@Component
public final class DisarmFramework {

    public static final String VERSION = "1.6";
    public static final String SOURCE_COMMIT = "49df5f6";
    public static final String ATTRIBUTION = "DISARM Framework \u00a9 DISARM Foundation, CC BY-SA 4.0";
    public static final String LICENCE_URL = "https://creativecommons.org/licenses/by-sa/4.0/";
    public static final String SOURCE_URL = "https://github.com/DISARMFoundation/DISARMframeworks";
    /** The external-reference source name Vigie writes for a DISARM technique an incident names. */
    public static final String SOURCE_NAME = "DISARM";
    /**
     * The source name of DISARM ids in the framework's own STIX objects. They are published as they
     * are (a hub re-exporting them must send DISARM's content under DISARM's versions), so a reader
     * of stored attack-patterns accepts both names.
     */
    public static final String UPSTREAM_SOURCE_NAME = "mitre-attack";
    public static final java.util.List<String> SOURCE_NAMES = java.util.List.of(SOURCE_NAME, UPSTREAM_SOURCE_NAME);

    static final String RESOURCES = "reference/disarm/";
    private static final Logger log = LoggerFactory.getLogger(DisarmFramework.class);
    private static final Map<String, String> PHASE_NAMES = Map.of("P01", "Plan", "P02", "Prepare", "P03", "Execute", "P04", "Assess");

    /** A phase of an influence operation: P01 Plan, P02 Prepare, P03 Execute, P04 Assess. */
    public record Phase(String id, String name) {
    }

    /**
     * A tactic (a column of the matrix).
     *
     * @param shortname          its {@code x_mitre_shortname}, the kill-chain phase name of its techniques
     * @param redFrameworkColumn its column in red_framework_ids.csv, from 1
     */
    public record Tactic(String id, String name, String description, String shortname, Phase phase,
                         int redFrameworkColumn, String stixId, String url) {
    }

    /**
     * A technique or sub-technique.
     *
     * @param tacticIds       the tactics it serves (one for every DISARM v1.6 technique)
     * @param parentId        the technique it refines, or null for a technique
     * @param subtechniqueIds its sub-techniques in framework order (empty for a sub-technique)
     * @param url             its page in the DISARM repository
     */
    public record Technique(String id, String name, String description, List<String> tacticIds, String parentId,
                            List<String> subtechniqueIds, String stixId, String url) {

        public boolean isSubtechnique() {
            return parentId != null;
        }

        /** The first (in v1.6: the only) tactic. */
        public String tacticId() {
            return tacticIds.get(0);
        }
    }

    /** A countermeasure of the blue framework, against one tactic; {@code metatechnique} is an id such as M004. */
    public record Countermeasure(String id, String name, String metatechnique, String tacticId) {

        public String url() {
            return SOURCE_URL + "/blob/main/generated_pages/counters/" + id + ".md";
        }
    }

    private final String bundleId;
    private final List<Phase> phases;
    private final List<Tactic> tactics;
    private final Map<String, Tactic> tacticsById;
    private final List<Technique> techniques;
    private final Map<String, Technique> techniquesById;
    /** Per technique, in the order of {@link #techniques}: lower-case id, name, and id + name + description. */
    private final List<String[]> searchText;
    private final Map<String, List<Technique>> techniquesByTactic;
    private final List<Countermeasure> countermeasures;
    private final Map<String, List<Countermeasure>> countermeasuresByTactic;
    private final List<ObjectNode> stixObjects;

    /** Reads the data shipped on the class path. */
    public DisarmFramework() {
        this(DisarmFramework.class.getClassLoader());
    }

    DisarmFramework(ClassLoader classLoader) {
        long start = System.nanoTime();
        ObjectMapper json = new ObjectMapper();
        Bundle bundle = readBundle(json, open(classLoader, "DISARM.json"));
        List<List<String>> red = csv(open(classLoader, "red_framework_ids.csv"));
        List<List<String>> blue = csv(open(classLoader, "blue_framework_ids.csv"));
        List<List<String>> counters = csv(open(classLoader, "countermeasures.csv"));

        this.bundleId = bundle.id;

        // Phases and the grid's columns: row 1 phase ids, row 2 tactic ids.
        require(red.size() >= 2, "red_framework_ids.csv has no phase and tactic rows");
        List<String> phaseRow = red.get(0);
        List<String> tacticRow = red.get(1);
        require(phaseRow.size() == tacticRow.size(), "red_framework_ids.csv: phase and tactic rows differ in length");
        Map<String, Phase> phasesById = new LinkedHashMap<>();
        PHASE_NAMES.keySet().stream().sorted().forEach(id -> phasesById.put(id, new Phase(id, PHASE_NAMES.get(id))));
        Map<String, Integer> columnOf = new HashMap<>();
        Map<String, Phase> phaseOfTactic = new HashMap<>();
        for (int column = 0; column < tacticRow.size(); column++) {
            String phaseId = phaseRow.get(column);
            require(phasesById.containsKey(phaseId), "red_framework_ids.csv: unknown phase " + phaseId);
            columnOf.put(tacticRow.get(column), column + 1);
            phaseOfTactic.put(tacticRow.get(column), phasesById.get(phaseId));
        }
        this.phases = List.copyOf(phasesById.values());

        // Tactics, in the order of the framework's matrix.
        require(bundle.matrices.size() == 1, "expected one x-mitre-matrix, found " + bundle.matrices.size());
        Map<String, ObjectNode> tacticNodes = bundle.tacticsByStixId();
        List<Tactic> tacticList = new ArrayList<>();
        for (JsonNode ref : bundle.matrices.get(0).path("tactic_refs")) {
            ObjectNode node = tacticNodes.get(ref.asText());
            require(node != null, "the matrix refers to an unknown tactic " + ref.asText());
            String id = externalId(node);
            require(columnOf.containsKey(id), "tactic " + id + " is not a column of red_framework_ids.csv");
            tacticList.add(new Tactic(id, text(node, "name"), text(node, "description"), text(node, "x_mitre_shortname"),
                    phaseOfTactic.get(id), columnOf.get(id), text(node, "id"), url(node)));
        }
        require(tacticList.size() == tacticNodes.size(), "the matrix lists " + tacticList.size() + " of "
                + tacticNodes.size() + " tactics");
        require(tacticList.size() == columnOf.size(), "red_framework_ids.csv has " + columnOf.size() + " columns for "
                + tacticList.size() + " tactics");
        this.tactics = List.copyOf(tacticList);
        this.tacticsById = index(tactics, Tactic::id);
        Map<String, Tactic> tacticsByShortname = index(tactics, Tactic::shortname);

        // Techniques: parent from the subtechnique-of relationships, tactic from the kill chain, order from the grid.
        Map<String, String> parentStixId = new HashMap<>();
        for (ObjectNode relationship : bundle.relationships) {
            if ("subtechnique-of".equals(text(relationship, "relationship_type"))) {
                parentStixId.put(text(relationship, "source_ref"), text(relationship, "target_ref"));
            }
        }
        Map<String, String> externalIdOfStixId = new HashMap<>();
        for (ObjectNode node : bundle.attackPatterns) {
            externalIdOfStixId.put(text(node, "id"), externalId(node));
        }
        Map<String, Integer> gridOrder = new HashMap<>();
        Map<String, String> gridTactic = new HashMap<>();
        for (int row = 2; row < red.size(); row++) {
            List<String> cells = red.get(row);
            for (int column = 0; column < cells.size(); column++) {
                String id = cells.get(column);
                if (!id.isEmpty()) {
                    require(gridTactic.put(id, tacticRow.get(column)) == null, "red_framework_ids.csv lists " + id + " twice");
                    gridOrder.put(id, row);
                }
            }
        }
        Map<String, List<String>> subIds = new HashMap<>();
        List<Technique> unordered = new ArrayList<>();
        for (ObjectNode node : bundle.attackPatterns) {
            String id = externalId(node);
            List<String> tacticIds = new ArrayList<>();
            for (JsonNode phase : node.path("kill_chain_phases")) {
                Tactic tactic = tacticsByShortname.get(phase.path("phase_name").asText());
                require(tactic != null, id + ": kill-chain phase '" + phase.path("phase_name").asText() + "' names no tactic");
                tacticIds.add(tactic.id());
            }
            require(!tacticIds.isEmpty(), id + " has no kill-chain phase");
            require(tacticIds.get(0).equals(gridTactic.get(id)), id + " is in tactic " + tacticIds.get(0)
                    + " by its kill chain but in " + gridTactic.get(id) + " in red_framework_ids.csv");
            String parent = parentStixId.containsKey(text(node, "id")) ? externalIdOfStixId.get(parentStixId.get(text(node, "id"))) : null;
            require(node.path("x_mitre_is_subtechnique").asBoolean(false) == (parent != null),
                    id + ": x_mitre_is_subtechnique disagrees with its subtechnique-of relationships");
            if (parent != null) {
                subIds.computeIfAbsent(parent, p -> new ArrayList<>()).add(id);
            }
            unordered.add(new Technique(id, text(node, "name"), text(node, "description"), List.copyOf(tacticIds), parent,
                    List.of(), text(node, "id"), url(node)));
        }
        Comparator<Technique> frameworkOrder = Comparator
                .comparingInt((Technique t) -> tactics.indexOf(tacticsById.get(t.tacticId())))
                .thenComparingInt(t -> gridOrder.get(t.id()));
        subIds.values().forEach(list -> list.sort(Comparator.comparingInt(gridOrder::get)));
        this.techniques = unordered.stream()
                .map(t -> t.isSubtechnique() ? t : new Technique(t.id(), t.name(), t.description(), t.tacticIds(), null,
                        List.copyOf(subIds.getOrDefault(t.id(), List.of())), t.stixId(), t.url()))
                .sorted(frameworkOrder)
                .toList();
        this.techniquesById = index(techniques, Technique::id);
        this.searchText = techniques.stream().map(t -> new String[] {t.id().toLowerCase(Locale.ROOT), t.name().toLowerCase(Locale.ROOT),
                (t.id() + "\n" + t.name() + "\n" + t.description()).toLowerCase(Locale.ROOT)}).toList();
        this.techniquesByTactic = techniques.stream().filter(t -> !t.isSubtechnique())
                .collect(Collectors.collectingAndThen(Collectors.groupingBy(Technique::tacticId, LinkedHashMap::new, Collectors.toList()),
                        DisarmFramework::immutable));

        // Countermeasures: id,name,metatechnique,tactic; the blue grid must place each under the same tactic.
        require(!counters.isEmpty() && counters.get(0).equals(List.of("id", "name", "metatechnique", "tactic")),
                "countermeasures.csv: unexpected header " + (counters.isEmpty() ? "(empty)" : counters.get(0)));
        Map<String, String> blueTactic = new HashMap<>();
        for (int row = 2; row < blue.size(); row++) {
            List<String> cells = blue.get(row);
            for (int column = 0; column < cells.size(); column++) {
                if (!cells.get(column).isEmpty()) {
                    blueTactic.put(cells.get(column), blue.get(1).get(column));
                }
            }
        }
        List<Countermeasure> counterList = new ArrayList<>();
        for (List<String> row : counters.subList(1, counters.size())) {
            require(row.size() == 4, "countermeasures.csv: a row without 4 fields: " + row);
            Countermeasure counter = new Countermeasure(row.get(0), row.get(1), row.get(2), row.get(3));
            require(tacticsById.containsKey(counter.tacticId()), counter.id() + ": unknown tactic " + counter.tacticId());
            require(counter.tacticId().equals(blueTactic.get(counter.id())), counter.id() + " is under "
                    + blueTactic.get(counter.id()) + " in blue_framework_ids.csv but " + counter.tacticId() + " in countermeasures.csv");
            counterList.add(counter);
        }
        this.countermeasures = List.copyOf(counterList);
        index(countermeasures, Countermeasure::id); // ids are unique
        this.countermeasuresByTactic = countermeasures.stream()
                .collect(Collectors.collectingAndThen(Collectors.groupingBy(Countermeasure::tacticId, LinkedHashMap::new, Collectors.toList()),
                        DisarmFramework::immutable));

        this.stixObjects = inDependencyOrder(bundle, tactics, techniques);
        log.info("{} read in {} ms", this, (System.nanoTime() - start) / 1_000_000);
    }

    // ----- the public view -----

    public String version() {
        return VERSION;
    }

    /** The id of the upstream STIX bundle. */
    public String bundleId() {
        return bundleId;
    }

    /** P01 Plan, P02 Prepare, P03 Execute, P04 Assess. */
    public List<Phase> phases() {
        return phases;
    }

    /** The 16 tactics in matrix order (phase by phase). */
    public List<Tactic> tactics() {
        return tactics;
    }

    public Optional<Tactic> tactic(String id) {
        return Optional.ofNullable(id == null ? null : tacticsById.get(id.trim().toUpperCase(Locale.ROOT)));
    }

    /** Every technique and sub-technique in framework order: tactic by tactic, in the red grid's order (each technique followed by its sub-techniques). */
    public List<Technique> techniques() {
        return techniques;
    }

    /** The techniques (not sub-techniques) of a tactic, in the red grid's order; empty for an unknown tactic. */
    public List<Technique> techniques(String tacticId) {
        return techniquesByTactic.getOrDefault(tacticId, List.of());
    }

    /** A technique or sub-technique by its DISARM id ("T0049", "T0049.001"), in any case. */
    public Optional<Technique> technique(String externalId) {
        return Optional.ofNullable(externalId == null ? null : techniquesById.get(externalId.trim().toUpperCase(Locale.ROOT)));
    }

    /** The sub-techniques of a technique, in framework order. */
    public List<Technique> subtechniques(String parentId) {
        return technique(parentId).map(t -> t.subtechniqueIds().stream().map(techniquesById::get).toList()).orElse(List.of());
    }

    /**
     * Techniques and sub-techniques whose id, name or description contain every word of the query,
     * ignoring case: the technique with exactly that id first, then ids that start with the query,
     * then those whose name matches, then the rest, each group in framework order. A blank query
     * finds every technique.
     */
    public List<Technique> search(String query) {
        if (query == null || query.isBlank()) {
            return techniques;
        }
        String whole = query.strip().toLowerCase(Locale.ROOT);
        String[] words = whole.split("\\s+");
        record Hit(Technique technique, int rank) {
        }
        List<Hit> hits = new ArrayList<>();
        for (int i = 0; i < techniques.size(); i++) {
            String[] fields = searchText.get(i);
            if (containsAll(fields[2], words)) {
                String id = fields[0];
                hits.add(new Hit(techniques.get(i), id.equals(whole) ? 0 : id.startsWith(whole) ? 1 : containsAll(fields[1], words) ? 2 : 3));
            }
        }
        hits.sort(Comparator.comparingInt(Hit::rank)); // stable: framework order within a rank
        return hits.stream().map(Hit::technique).toList();
    }

    private static boolean containsAll(String text, String[] words) {
        for (String word : words) {
            if (!text.contains(word)) {
                return false;
            }
        }
        return true;
    }

    /** The 140 countermeasures, in the order of countermeasures.csv (by id). */
    public List<Countermeasure> countermeasures() {
        return countermeasures;
    }

    /** The countermeasures against a tactic; empty when DISARM lists none (or the tactic is unknown). */
    public List<Countermeasure> countermeasures(String tacticId) {
        return tacticId == null ? List.of() : countermeasuresByTactic.getOrDefault(tacticId.trim().toUpperCase(Locale.ROOT), List.of());
    }

    /**
     * The framework's STIX 2.1 objects exactly as DISARM publishes them (kill chains and external
     * references of source {@code mitre-attack} included: re-exported under DISARM's ids and
     * versions, they must be DISARM's content), in an order where every object comes after those it
     * refers to: the identity, the marking-definition, the 16 tactics, the matrix, the 391
     * attack-patterns, then the 288 subtechnique-of relationships. A fresh copy on each call: the
     * caller may change it.
     */
    public List<JsonNode> stixObjects() {
        return stixObjects.stream().map(node -> (JsonNode) node.deepCopy()).toList();
    }

    // ----- loading -----

    private static List<ObjectNode> inDependencyOrder(Bundle bundle, List<Tactic> tactics, List<Technique> techniques) {
        Map<String, ObjectNode> tacticNodes = bundle.tacticsByStixId();
        Map<String, ObjectNode> patternNodes = bundle.attackPatternsByStixId();
        List<ObjectNode> all = new ArrayList<>();
        all.addAll(bundle.identities);
        all.addAll(bundle.markings);
        tactics.forEach(t -> all.add(tacticNodes.get(t.stixId())));
        all.addAll(bundle.matrices);
        for (Technique technique : techniques) {
            all.add(patternNodes.get(technique.stixId()));
        }
        all.addAll(bundle.relationships);
        all.addAll(bundle.others);
        return List.copyOf(all);
    }

    /** The bundle's objects by type, read one object at a time. */
    private static final class Bundle {
        String id;
        final List<ObjectNode> identities = new ArrayList<>();
        final List<ObjectNode> markings = new ArrayList<>();
        final List<ObjectNode> matrices = new ArrayList<>();
        final List<ObjectNode> tactics = new ArrayList<>();
        final List<ObjectNode> attackPatterns = new ArrayList<>();
        final List<ObjectNode> relationships = new ArrayList<>();
        final List<ObjectNode> others = new ArrayList<>();

        Map<String, ObjectNode> tacticsByStixId() {
            return index(tactics, node -> text(node, "id"));
        }

        Map<String, ObjectNode> attackPatternsByStixId() {
            return index(attackPatterns, node -> text(node, "id"));
        }

        void add(ObjectNode node) {
            switch (text(node, "type")) {
                case "identity" -> identities.add(node);
                case "marking-definition" -> markings.add(node);
                case "x-mitre-matrix" -> matrices.add(node);
                case "x-mitre-tactic" -> tactics.add(node);
                case "attack-pattern" -> attackPatterns.add(node);
                case "relationship" -> relationships.add(node);
                default -> others.add(node);
            }
        }
    }

    private static Bundle readBundle(ObjectMapper json, InputStream in) {
        Bundle bundle = new Bundle();
        try (in; JsonParser parser = json.createParser(in)) {
            require(parser.nextToken() == JsonToken.START_OBJECT, "DISARM.json is not a JSON object");
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                JsonToken value = parser.nextToken();
                if ("objects".equals(field) && value == JsonToken.START_ARRAY) {
                    while (parser.nextToken() == JsonToken.START_OBJECT) {
                        bundle.add(parser.readValueAsTree());
                    }
                } else if ("id".equals(field)) {
                    bundle.id = parser.getValueAsString();
                } else {
                    parser.skipChildren();
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCES + "DISARM.json", e);
        }
        return bundle;
    }

    /** The DISARM id (TA01, T0049.001) in an object's external references. */
    private static String externalId(JsonNode node) {
        for (JsonNode reference : node.path("external_references")) {
            String source = reference.path("source_name").asText();
            if ((SOURCE_NAME.equals(source) || UPSTREAM_SOURCE_NAME.equals(source)) && reference.hasNonNull("external_id")) {
                return reference.get("external_id").asText();
            }
        }
        throw new IllegalStateException("DISARM data: " + text(node, "id") + " has no DISARM external id");
    }

    private static String url(JsonNode node) {
        for (JsonNode reference : node.path("external_references")) {
            if (reference.hasNonNull("url")) {
                return reference.get("url").asText();
            }
        }
        return null;
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? "" : value.asText();
    }

    private static InputStream open(ClassLoader classLoader, String file) {
        InputStream in = classLoader.getResourceAsStream(RESOURCES + file);
        if (in == null) {
            throw new IllegalStateException("DISARM data: " + RESOURCES + file + " is not on the class path");
        }
        return in;
    }

    /** RFC 4180 CSV: quoted fields may hold commas, doubled quotes and line breaks; CRLF or LF. */
    static List<List<String>> csv(InputStream in) {
        List<List<String>> rows = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            List<String> row = new ArrayList<>();
            StringBuilder field = new StringBuilder();
            boolean quoted = false;
            boolean any = false;
            int c;
            while ((c = reader.read()) != -1) {
                char ch = (char) c;
                any = true;
                if (quoted) {
                    if (ch == '"') {
                        reader.mark(1);
                        int next = reader.read();
                        if (next == '"') {
                            field.append('"');
                        } else {
                            quoted = false;
                            if (next != -1) {
                                reader.reset();
                            }
                        }
                    } else {
                        field.append(ch);
                    }
                } else if (ch == '"') {
                    quoted = true;
                } else if (ch == ',') {
                    row.add(field.toString());
                    field.setLength(0);
                } else if (ch == '\n') {
                    row.add(field.toString());
                    field.setLength(0);
                    rows.add(List.copyOf(row));
                    row.clear();
                    any = false;
                } else if (ch != '\r') {
                    field.append(ch);
                }
            }
            if (any) {
                row.add(field.toString());
                rows.add(List.copyOf(row));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return rows;
    }

    private static <K, V> Map<K, V> index(List<V> values, java.util.function.Function<V, K> key) {
        Map<K, V> map = new LinkedHashMap<>();
        for (V value : values) {
            K k = key.apply(value);
            require(map.put(k, value) == null, "DISARM data: " + k + " appears twice");
        }
        return Collections.unmodifiableMap(map);
    }

    private static <K, V> Map<K, List<V>> immutable(Map<K, List<V>> map) {
        Map<K, List<V>> copy = new LinkedHashMap<>();
        map.forEach((k, v) -> copy.put(k, List.copyOf(v)));
        return Collections.unmodifiableMap(copy);
    }

    private static void require(boolean condition, String problem) {
        if (!condition) {
            throw new IllegalStateException("DISARM data: " + problem);
        }
    }

    @Override
    public String toString() {
        return "DISARM " + VERSION + ": " + tactics.size() + " tactics, " + techniques.size() + " techniques and sub-techniques, "
                + countermeasures.size() + " countermeasures";
    }
}

package org.vigie.server.reports;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import org.springframework.stereotype.Component;
import org.vigie.core.reports.Admiralty;
import org.vigie.core.reports.IncidentType;
import org.vigie.core.reports.Outcome;
import org.vigie.core.reports.ViginumCriterion;
import org.vigie.core.taxonomy.CyclePhase;
import org.vigie.core.taxonomy.TargetCategory;
import org.vigie.server.knowledge.KnowledgeStore;

/**
 * A report as a STIX 2.1 {@code incident}, and back. What STIX's incident lacks goes in two Vigie
 * property extensions: the election context (shared with other election objects) and the incident
 * report itself. DISARM and ATT&CK ids are also written as external references, which is how
 * other tools look for them.
 */
@Component
class ReportStix {

    static final String ELECTION = KnowledgeStore.ELECTION_EXTENSION_ID;
    static final String REPORT = KnowledgeStore.REPORT_EXTENSION_ID;

    private final ObjectMapper json;

    ReportStix(ObjectMapper json) {
        this.json = json;
    }

    static String newId() {
        return "incident--" + UUID.randomUUID();
    }

    /** STIX timestamps carry milliseconds; so do Vigie's, so that a version read back compares equal. */
    static Instant stixTime(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MILLIS);
    }

    private static final java.time.format.DateTimeFormatter TIMESTAMP = new java.time.format.DateTimeFormatterBuilder().appendInstant(3)
            .toFormatter();

    /**
     * A STIX timestamp: UTC, always with three fractional digits, as the OASIS schema requires.
     * {@code Instant.toString()} leaves out a zero fraction, and a report filed on a whole second was refused.
     */
    static String timestamp(Instant instant) {
        return TIMESTAMP.format(stixTime(instant));
    }

    ObjectNode toIncident(String id, Instant created, Instant modified, boolean revoked, ReportDraft draft) {
        ObjectNode incident = json.createObjectNode();
        incident.put("type", "incident");
        incident.put("spec_version", "2.1");
        incident.put("id", id);
        incident.put("created", timestamp(created));
        incident.put("modified", timestamp(modified));
        incident.put("name", draft.title());
        if (!draft.summary().isEmpty()) {
            incident.put("description", draft.summary());
        }
        if (draft.confidence() != null) {
            incident.put("confidence", draft.confidence());
        }
        if (revoked) {
            incident.put("revoked", true);
        }
        ArrayNode references = json.createArrayNode();
        draft.disarmTechniques().forEach(t -> references.addObject().put("source_name", "DISARM").put("external_id", t));
        draft.attackTechniques().forEach(t -> references.addObject().put("source_name", "mitre-attack").put("external_id", t));
        if (!references.isEmpty()) {
            incident.set("external_references", references);
        }
        ObjectNode extensions = incident.putObject("extensions");
        ObjectNode election = extensions.putObject(ELECTION).put("extension_type", "property-extension");
        if (draft.electionId() != null) {
            election.put("election_ref", draft.electionId().toString());
        }
        if (draft.phase() != null) {
            election.put("cycle_phase", key(draft.phase()));
        }
        ArrayNode categories = json.createArrayNode();
        draft.targets().stream().map(Target::category).distinct().forEach(c -> categories.add(key(c)));
        putIfNotEmpty(election, "target_categories", categories);
        election.put("outcome", draft.outcome().key());

        ObjectNode report = extensions.putObject(REPORT).put("extension_type", "property-extension");
        ArrayNode types = json.createArrayNode();
        draft.types().stream().sorted().forEach(t -> types.add(t.key()));
        putIfNotEmpty(report, "incident_types", types);
        if (draft.firstSeen() != null) {
            report.put("first_seen", timestamp(draft.firstSeen()));
        }
        if (draft.lastSeen() != null) {
            report.put("last_seen", timestamp(draft.lastSeen()));
        }
        ArrayNode targets = json.createArrayNode();
        for (Target target : draft.targets()) {
            ObjectNode t = targets.addObject().put("category", key(target.category()));
            putIfPresent(t, "organisation_ref", target.organisationId() == null ? null : target.organisationId().toString());
            putIfPresent(t, "name", target.name());
            putIfPresent(t, "notified_at", target.notifiedAt() == null ? null : timestamp(target.notifiedAt()));
            putIfPresent(t, "notified_by", target.notifiedBy());
        }
        putIfNotEmpty(report, "targets", targets);
        putIfNotEmpty(report, "disarm_techniques", strings(draft.disarmTechniques()));
        putIfNotEmpty(report, "attack_techniques", strings(draft.attackTechniques()));
        putIfNotEmpty(report, "actor_refs", strings(draft.actorRefs()));
        putIfNotEmpty(report, "narrative_refs", strings(draft.narrativeRefs()));
        ObjectNode criteria = json.createObjectNode();
        for (ViginumCriterion criterion : ViginumCriterion.values()) {
            CriterionAssessment assessment = draft.viginum().get(criterion);
            if (assessment != null) {
                criteria.putObject(criterion.key()).put("met", assessment.met()).put("justification", assessment.justification());
            }
        }
        if (!criteria.isEmpty()) {
            report.set("viginum_criteria", criteria);
        }
        if (draft.admiralty() != null && !draft.admiralty().code().isEmpty()) {
            ObjectNode grading = report.putObject("admiralty");
            putIfPresent(grading, "source_reliability", draft.admiralty().reliability() == null ? null : draft.admiralty().reliability().name());
            putIfPresent(grading, "information_credibility",
                    draft.admiralty().credibility() == null ? null : draft.admiralty().credibility().digit());
        }
        ArrayNode observables = json.createArrayNode();
        draft.observables().forEach(o -> observables.addObject().put("type", o.type()).put("value", o.value()).put("normalised", o.normalised()));
        putIfNotEmpty(report, "observables", observables);
        ArrayNode evidence = json.createArrayNode();
        draft.evidence().forEach(e -> evidence.addObject().put("sha256", e.sha256()).put("file_name", e.fileName())
                .put("media_type", e.mediaType()).put("size", e.size()));
        putIfNotEmpty(report, "evidence", evidence);
        return incident;
    }

    /** Reads a stored incident back; tolerant of incidents written by other tools (missing extensions give empty fields). */
    ReportDraft fromIncident(JsonNode incident) {
        JsonNode election = incident.path("extensions").path(ELECTION);
        JsonNode report = incident.path("extensions").path(REPORT);
        EnumSet<IncidentType> types = EnumSet.noneOf(IncidentType.class);
        report.path("incident_types").forEach(t -> parse(t.asText(), IncidentType::fromKey).ifPresent(types::add));
        List<Target> targets = new ArrayList<>();
        report.path("targets").forEach(t -> parse(t.path("category").asText(), ReportStix::category).ifPresent(category ->
                targets.add(new Target(category, uuid(t.path("organisation_ref").asText(null)), text(t, "name"),
                        instant(t.path("notified_at").asText(null)), text(t, "notified_by")))));
        Map<ViginumCriterion, CriterionAssessment> criteria = new EnumMap<>(ViginumCriterion.class);
        report.path("viginum_criteria").properties().forEach(e -> parse(e.getKey(), ViginumCriterion::fromKey).ifPresent(c ->
                criteria.put(c, new CriterionAssessment(e.getValue().path("met").asBoolean(false), e.getValue().path("justification").asText("")))));
        JsonNode grading = report.path("admiralty");
        Admiralty admiralty = grading.isObject()
                ? new Admiralty(parse(grading.path("source_reliability").asText(null), Admiralty.Reliability::fromKey).orElse(null),
                parse(grading.path("information_credibility").asText(null), Admiralty.Credibility::fromKey).orElse(null))
                : null;
        List<ReportObservable> observables = new ArrayList<>();
        report.path("observables").forEach(o -> observables.add(new ReportObservable(o.path("type").asText(), o.path("value").asText(),
                o.path("normalised").asText(o.path("value").asText()))));
        List<EvidenceRef> evidence = new ArrayList<>();
        report.path("evidence").forEach(e -> evidence.add(new EvidenceRef(e.path("sha256").asText(), e.path("file_name").asText(""),
                e.path("media_type").asText("application/octet-stream"), e.path("size").asLong(0))));
        return new ReportDraft(incident.path("name").asText(""), incident.path("description").asText(""),
                instant(report.path("first_seen").asText(null)), instant(report.path("last_seen").asText(null)),
                uuid(election.path("election_ref").asText(null)),
                parse(election.path("cycle_phase").asText(null), ReportStix::phase).orElse(null),
                types, parse(election.path("outcome").asText(null), Outcome::fromKey).orElse(Outcome.UNKNOWN), targets,
                list(report.path("disarm_techniques")), list(report.path("attack_techniques")), list(report.path("actor_refs")),
                list(report.path("narrative_refs")), criteria,
                incident.path("confidence").isInt() ? incident.get("confidence").asInt() : null, admiralty, observables, evidence);
    }

    static String key(Enum<?> value) {
        return value.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }

    static CyclePhase phase(String key) {
        return CyclePhase.valueOf(key.trim().toUpperCase(java.util.Locale.ROOT).replace('-', '_'));
    }

    static TargetCategory category(String key) {
        return TargetCategory.valueOf(key.trim().toUpperCase(java.util.Locale.ROOT).replace('-', '_'));
    }

    private static <T> java.util.Optional<T> parse(String text, Function<String, T> parser) {
        if (text == null || text.isBlank()) {
            return java.util.Optional.empty();
        }
        try {
            return java.util.Optional.of(parser.apply(text));
        } catch (IllegalArgumentException e) {
            return java.util.Optional.empty(); // another tool's vocabulary: kept in the STIX, not shown as a field
        }
    }

    private ArrayNode strings(List<String> values) {
        ArrayNode array = json.createArrayNode();
        values.forEach(array::add);
        return array;
    }

    /** STIX forbids empty lists: a property with nothing in it is left out. */
    private static void putIfNotEmpty(ObjectNode node, String field, ArrayNode values) {
        if (!values.isEmpty()) {
            node.set(field, values);
        }
    }

    private static List<String> list(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(v -> values.add(v.asText()));
        return values;
    }

    private static void putIfPresent(ObjectNode node, String field, String value) {
        if (value != null && !value.isBlank()) {
            node.put(field, value);
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    private static UUID uuid(String text) {
        try {
            return text == null ? null : UUID.fromString(text);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static Instant instant(String text) {
        try {
            return text == null ? null : Instant.parse(text);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}

package org.vigie.server.misp;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.vigie.core.accounts.Member;
import org.vigie.core.sharing.Pap;
import org.vigie.core.sharing.Tlp;
import org.vigie.server.knowledge.KnowledgeStore;
import org.vigie.server.knowledge.StoredObject;
import org.vigie.server.organisations.Organisation;
import org.vigie.server.organisations.Organisations;
import org.vigie.server.reference.DisarmFramework;
import org.vigie.server.reports.Report;
import org.vigie.server.reports.ReportObservable;
import org.vigie.server.reports.Reports;
import org.vigie.server.web.NotFoundException;

/**
 * A report as a MISP event ({@code {"Event":{…}}}), read through the visibility policy: the report
 * itself, its actors and the MISP provenance note are each read as the reader, so nothing the
 * reader may not see is exported. A report that came from MISP gives back its attributes, objects,
 * tags and galaxies as they were (less the observables removed since in Vigie); what Vigie added
 * is mapped with MISP's default categories.
 */
@Service
public class MispExport {

    /** MISP's DISARM techniques galaxy (misp-galaxy, galaxies/disarm-techniques.json). */
    static final String DISARM_GALAXY_UUID = "a90f2bb6-11e1-58a7-9962-ba37886720ec";

    private final Reports reports;
    private final KnowledgeStore store;
    private final Organisations organisations;
    private final DisarmFramework disarm;
    private final MispEventMapper mapper;
    private final MispTypes types;
    private final ObjectMapper json;

    MispExport(Reports reports, KnowledgeStore store, Organisations organisations, DisarmFramework disarm, MispEventMapper mapper,
               MispTypes types, ObjectMapper json) {
        this.reports = reports;
        this.store = store;
        this.organisations = organisations;
        this.disarm = disarm;
        this.mapper = mapper;
        this.types = types;
        this.json = json;
    }

    /** MISP's distribution for a TLP level: who a MISP instance would pass the event on to. */
    static String distribution(Tlp tlp) {
        return switch (tlp) {
            case CLEAR -> "3";
            case GREEN -> "2";
            case AMBER -> "1";
            case AMBER_STRICT, RED -> "0";
        };
    }

    static String tlpTag(Tlp tlp) {
        return "tlp:" + tlp.name().toLowerCase(Locale.ROOT).replace('_', '+');
    }

    /** @param vigieLink the report's page on this hub, written into the event as a link attribute */
    public ObjectNode export(Member reader, String reportId, String vigieLink) {
        Report report = reports.get(reader, reportId);
        Optional<JsonNode> original = originalEvent(reader, report);
        JsonNode source = original.orElse(json.createObjectNode());

        ObjectNode root = json.createObjectNode();
        ObjectNode event = root.putObject("Event");
        String uuid = MispEventMapper.text(source, "uuid");
        event.put("uuid", uuid != null ? uuid : reportId.substring(reportId.indexOf("--") + 2));
        event.put("info", report.content().title());
        Instant day = report.content().firstSeen() != null ? report.content().firstSeen() : report.created();
        event.put("date", day.atZone(ZoneOffset.UTC).toLocalDate().toString());
        event.put("threat_level_id", textOr(source, "threat_level_id", "4"));
        event.put("analysis", textOr(source, "analysis", report.revoked() ? "2" : "0"));
        event.put("distribution", distribution(report.sharing().tlp()));
        event.put("sharing_group_id", "0");
        event.put("timestamp", Long.toString(report.modified().getEpochSecond()));
        event.put("published", false);
        Optional<Organisation> owner = organisations.find(report.sharing().ownerOrganisation());
        owner.ifPresent(o -> event.putObject("Org").put("name", o.name()).put("uuid", o.id().toString()));
        if (source.path("Orgc").isObject()) {
            ObjectNode orgc = event.putObject("Orgc");
            copy(source.get("Orgc"), orgc, "name", "uuid");
        } else {
            owner.ifPresent(o -> event.putObject("Orgc").put("name", o.name()).put("uuid", o.id().toString()));
        }

        // ---- tags ----
        ArrayNode tags = event.putArray("Tag");
        Set<String> tagNames = new LinkedHashSet<>();
        Tlp tlp = report.sharing().tlp();
        List<String> originalTags = MispEventMapper.tagNames(source.path("Tag"));
        tagNames.add(originalTags.stream().filter(t -> t.toLowerCase(Locale.ROOT).startsWith("tlp:"))
                .filter(t -> Tlp.parse(t).filter(tlp::equals).isPresent()).findFirst().orElse(tlpTag(tlp)));
        Pap pap = report.sharing().pap();
        if (pap != null) {
            tagNames.add(originalTags.stream().filter(t -> t.toLowerCase(Locale.ROOT).startsWith("pap:"))
                    .filter(t -> Pap.parse(t).filter(pap::equals).isPresent()).findFirst().orElse(pap.label()));
        }
        List<DisarmFramework.Technique> techniques = report.content().disarmTechniques().stream().map(disarm::technique)
                .flatMap(Optional::stream).toList();
        for (String tag : originalTags) {
            String lower = tag.toLowerCase(Locale.ROOT);
            if (!lower.startsWith("tlp:") && !lower.startsWith("pap:") && !isDisarmTag(lower)) {
                tagNames.add(tag);
            }
        }
        techniques.forEach(t -> tagNames.add(disarmTag(t)));
        for (String actor : actorNames(reader, report)) {
            if (originalTags.stream().noneMatch(t -> t.equalsIgnoreCase("misp-galaxy:threat-actor=\"" + actor + "\""))) {
                tagNames.add("misp-galaxy:threat-actor=\"" + actor + "\"");
            }
        }
        tagNames.forEach(name -> tags.addObject().put("name", name));

        // ---- attributes and objects ----
        Set<String> present = new HashSet<>();
        report.content().observables().forEach(o -> present.add(key(o)));
        Set<String> covered = new HashSet<>();
        ArrayNode attributes = event.putArray("Attribute");
        for (JsonNode attribute : source.path("Attribute")) {
            if (keep(attribute, present, covered)) {
                attributes.add(attribute(attribute, false));
            }
        }
        ArrayNode objects = json.createArrayNode();
        for (JsonNode object : source.path("Object")) {
            if (object.path("deleted").asBoolean(false)) {
                continue;
            }
            ObjectNode copy = json.createObjectNode();
            copy(object, copy, "uuid", "name", "meta-category", "description", "template_uuid", "template_version", "comment", "timestamp",
                    "distribution", "sharing_group_id", "first_seen", "last_seen");
            ArrayNode kept = copy.putArray("Attribute");
            for (JsonNode attribute : object.path("Attribute")) {
                if (keep(attribute, present, covered)) {
                    kept.add(attribute(attribute, true));
                }
            }
            if (object.path("ObjectReference").isArray() && !object.get("ObjectReference").isEmpty()) {
                ArrayNode references = copy.putArray("ObjectReference");
                for (JsonNode reference : object.get("ObjectReference")) {
                    ObjectNode r = references.addObject();
                    copy(reference, r, "uuid", "object_uuid", "referenced_uuid", "relationship_type", "comment", "timestamp");
                }
            }
            if (!kept.isEmpty()) {
                objects.add(copy);
            }
        }
        for (ReportObservable observable : report.content().observables()) {
            if (!covered.contains(key(observable))) {
                attributes.add(fromObservable(reportId, observable, report.modified()));
            }
        }
        if (vigieLink != null) {
            boolean linked = false;
            for (JsonNode a : attributes) {
                linked |= "link".equals(a.path("type").asText()) && vigieLink.equals(a.path("value").asText());
            }
            if (!linked) {
                attributes.addObject().put("uuid", uuid3(reportId + ":vigie-link").toString()).put("type", "link")
                        .put("category", "External analysis").put("to_ids", false).put("value", vigieLink)
                        .put("comment", "Vigie report " + reportId).put("distribution", "5")
                        .put("timestamp", Long.toString(report.modified().getEpochSecond()));
            }
        }
        if (!objects.isEmpty()) {
            event.set("Object", objects);
        }

        // ---- galaxies ----
        ArrayNode galaxies = event.putArray("Galaxy");
        for (JsonNode galaxy : source.path("Galaxy")) {
            String type = galaxy.path("type").asText("").toLowerCase(Locale.ROOT);
            if (!type.startsWith("disarm") && !galaxy.path("name").asText("").toLowerCase(Locale.ROOT).startsWith("disarm")) {
                galaxies.add(galaxy.deepCopy());
            }
        }
        if (!techniques.isEmpty()) {
            ObjectNode galaxy = galaxies.addObject();
            galaxy.put("uuid", DISARM_GALAXY_UUID);
            galaxy.put("name", "DISARM Techniques");
            galaxy.put("type", "disarm");
            galaxy.put("description", "DISARM is a framework designed for describing and understanding disinformation incidents.");
            ArrayNode clusters = galaxy.putArray("GalaxyCluster");
            for (DisarmFramework.Technique technique : techniques) {
                ObjectNode cluster = clusters.addObject();
                cluster.put("type", "disarm");
                cluster.put("value", technique.name());
                cluster.put("tag_name", disarmTag(technique));
                cluster.put("description", technique.description() == null ? "" : technique.description());
                cluster.put("source", DisarmFramework.SOURCE_URL);
                ObjectNode meta = cluster.putObject("meta");
                meta.putArray("external_id").add(technique.id());
                if (technique.url() != null) {
                    meta.putArray("refs").add(technique.url());
                }
            }
        }
        event.put("attribute_count", Integer.toString(attributes.size()
                + objects.findValues("Attribute").stream().mapToInt(JsonNode::size).sum()));
        return root;
    }

    /** The MISP note of the report's owner that the reader may see, with the event it kept. */
    private Optional<JsonNode> originalEvent(Member reader, Report report) {
        for (StoredObject note : store.notesAbout(reader, report.id())) {
            JsonNode object = note.object();
            if (object.hasNonNull(MispEventMapper.NOTE_MARKER) && object.path(MispEventMapper.NOTE_EVENT).isTextual()
                    && report.sharing().ownerOrganisation().equals(note.sharing().ownerOrganisation())) {
                try {
                    return Optional.of(json.readTree(object.get(MispEventMapper.NOTE_EVENT).asText()));
                } catch (JsonProcessingException e) {
                    return Optional.empty();
                }
            }
        }
        return Optional.empty();
    }

    private List<String> actorNames(Member reader, Report report) {
        List<String> names = new ArrayList<>();
        for (String ref : report.content().actorRefs()) {
            try {
                names.add(store.get(reader, ref, Optional.empty()).object().path("name").asText());
            } catch (NotFoundException e) {
                // an actor the reader may not see is not named
            }
        }
        return names;
    }

    /**
     * An original attribute stays unless it was an observable that the report no longer lists (it
     * was removed in Vigie). Attributes Vigie could not represent always stay.
     */
    private boolean keep(JsonNode attribute, Set<String> present, Set<String> covered) {
        if (attribute.path("deleted").asBoolean(false) || !types.known(MispEventMapper.text(attribute, "type"))) {
            return false; // deleted in MISP, or a type MISP does not know (left out of a partial import)
        }
        List<ReportObservable> mapped = mapper.observablesOf(MispEventMapper.text(attribute, "type"), MispEventMapper.text(attribute, "value"));
        if (mapped.isEmpty()) {
            return true;
        }
        boolean stays = mapped.stream().anyMatch(o -> present.contains(key(o)));
        if (stays) {
            mapped.forEach(o -> covered.add(key(o)));
        }
        return stays;
    }

    private ObjectNode attribute(JsonNode original, boolean inObject) {
        ObjectNode a = json.createObjectNode();
        copy(original, a, "uuid", "type", "category", "value", "comment", "timestamp", "distribution", "sharing_group_id", "first_seen",
                "last_seen");
        if (inObject) {
            copy(original, a, "object_relation");
        }
        a.put("to_ids", MispEventMapper.bool(original.get("to_ids")));
        if (original.has("disable_correlation")) {
            a.put("disable_correlation", MispEventMapper.bool(original.get("disable_correlation")));
        }
        if (original.path("Tag").isArray() && !original.get("Tag").isEmpty()) {
            ArrayNode tags = a.putArray("Tag");
            MispEventMapper.tagNames(original.get("Tag")).forEach(t -> tags.addObject().put("name", t));
        }
        return a;
    }

    /** An observable filed in Vigie, as the MISP attribute closest to it, with MISP's default category and detection flag. */
    private ObjectNode fromObservable(String reportId, ReportObservable observable, Instant modified) {
        String type;
        String value = observable.normalised();
        String comment = "";
        switch (observable.type()) {
            case "url" -> type = "url";
            case "domain" -> type = "domain";
            case "ipv4", "ipv6" -> type = "ip-dst";
            case "email" -> type = "email";
            case "phone" -> type = "phone-number";
            case "file-hash" -> type = switch (value.length()) {
                case 32 -> "md5";
                case 40 -> "sha1";
                case 128 -> "sha512";
                default -> "sha256";
            };
            case "social-account" -> {
                if (value.startsWith("x:")) {
                    type = "twitter-id";
                    value = value.substring(2).replaceFirst("^@", "");
                } else {
                    type = "text";
                    comment = "social account (platform:handle)";
                }
            }
            default -> type = "text";
        }
        MispTypes.TypeDefaults defaults = types.defaults(type).orElse(new MispTypes.TypeDefaults("Other", false));
        ObjectNode a = json.createObjectNode();
        a.put("uuid", uuid3(reportId + ":" + key(observable)).toString());
        a.put("type", type);
        a.put("category", type.equals("text") && !comment.isEmpty() ? "Social network" : defaults.category());
        a.put("to_ids", defaults.toIds());
        a.put("value", value);
        a.put("comment", comment);
        a.put("distribution", "5");
        a.put("timestamp", Long.toString(modified.getEpochSecond()));
        return a;
    }

    private static boolean isDisarmTag(String lower) {
        return lower.startsWith("misp-galaxy:disarm=") || lower.startsWith("misp-galaxy:disarm-techniques=");
    }

    private static String disarmTag(DisarmFramework.Technique technique) {
        return "misp-galaxy:disarm=\"" + technique.name() + "\"";
    }

    private static String key(ReportObservable observable) {
        return observable.type() + "\u0000" + observable.normalised();
    }

    private static String textOr(JsonNode node, String field, String fallback) {
        String value = MispEventMapper.text(node, field);
        return value == null ? fallback : value;
    }

    private static void copy(JsonNode from, ObjectNode to, String... fields) {
        for (String field : fields) {
            JsonNode value = from.get(field);
            if (value != null && !value.isNull()) {
                to.set(field, value.isNumber() || value.isBoolean() ? json(value) : value);
            }
        }
    }

    /** MISP's schema types most fields as strings, though instances also write numbers. */
    private static JsonNode json(JsonNode value) {
        return value.isBoolean() ? value : com.fasterxml.jackson.databind.node.TextNode.valueOf(value.asText());
    }

    private static UUID uuid3(String name) {
        return UUID.nameUUIDFromBytes(("vigie:misp-export:" + name).getBytes(StandardCharsets.UTF_8));
    }

}

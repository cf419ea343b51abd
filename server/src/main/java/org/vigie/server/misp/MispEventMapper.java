package org.vigie.server.misp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;
import org.vigie.core.misp.StixPatterns;
import org.vigie.core.observables.Observable;
import org.vigie.core.observables.ObservableParser;
import org.vigie.core.observables.ObservableType;
import org.vigie.core.reports.IncidentType;
import org.vigie.core.reports.Outcome;
import org.vigie.core.sharing.Pap;
import org.vigie.core.sharing.Tlp;
import org.vigie.server.reference.DisarmFramework;
import org.vigie.server.reports.ReportDraft;
import org.vigie.server.reports.ReportObservable;

/**
 * Maps one MISP event (MISP core format) to what Vigie stores: a report draft, STIX indicators for
 * the attributes and objects marked for detection ({@code to_ids}), each related to the report, and
 * a STIX note that records the event's MISP provenance (uuid, organisations, distribution, sharing
 * group) and keeps the event itself, so that nothing MISP knows is lost, even where neither Vigie
 * nor STIX has a place for it. Ids are derived from the importing organisation and the MISP uuids:
 * the same event always maps to the same objects.
 */
@Component
class MispEventMapper {

    /** MISP's distribution levels (MISP core format, "distribution"). */
    static final List<String> DISTRIBUTIONS = List.of("Your organisation only", "This community only", "Connected communities",
            "All communities", "Sharing group", "Inherit event");

    static final String NOTE_MARKER = "x_misp_event_uuid";
    static final String NOTE_EVENT = "x_misp_event";
    private static final int TITLE_MAX = 200;
    private static final int SUMMARY_MAX = 20_000;
    private static final Pattern DISARM_ID = Pattern.compile("\\b(T\\d{4}(?:\\.\\d{3})?)\\b");
    private static final Pattern ATTACK_ID = Pattern.compile("T\\d{4}(\\.\\d{3})?");
    private static final Pattern GALAXY_TAG = Pattern.compile("misp-galaxy:([^=]+)=\"(.*)\"");
    private static final DateTimeFormatter STIX_TIME = new DateTimeFormatterBuilder().appendInstant(3).toFormatter();
    private static final Duration CLOCK_SKEW = Duration.ofHours(1);

    private final MispTypes types;
    private final DisarmFramework disarm;
    private final ObjectMapper json;
    private final Clock clock;
    private final ObservableParser parser = new ObservableParser();

    MispEventMapper(MispTypes types, DisarmFramework disarm, ObjectMapper json, Clock clock) {
        this.types = types;
        this.disarm = disarm;
        this.json = json;
        this.clock = clock;
    }

    /** A suspected actor named by the event (threat-actor galaxy cluster or tag, or a threat-actor attribute). */
    record Actor(String id, String type, String name, String description) {
    }

    /**
     * One event mapped. {@code fatal} faults stop the event (no uuid…); {@code attributeFaults}
     * (unknown types) stop it too unless the import is partial, in which case those attributes were
     * left out of everything but the note.
     */
    record Plan(int index, String pointer, String uuid, String info, String reportId, Instant created, Instant modified, Tlp tlp,
                Pap pap, ReportDraft draft, List<Actor> actors, List<JsonNode> companions, int observables, int indicators, int preserved,
                int skipped, List<MispFault> fatal, List<MispFault> attributeFaults, List<String> warnings) {

        boolean rejected(boolean partial) {
            return !fatal.isEmpty() || (!partial && !attributeFaults.isEmpty());
        }

        List<MispFault> problems() {
            List<MispFault> all = new ArrayList<>(fatal);
            all.addAll(attributeFaults);
            return all;
        }
    }

    /** One attribute as read, where it sits in the event. */
    private record Attr(JsonNode node, String pointer, Integer object, String objectName, String objectUuid, int index, String type,
                        String value, String category, boolean toIds, String uuid) {
    }

    Plan plan(UUID organisation, int index, String pointer, JsonNode event) {
        List<MispFault> fatal = new ArrayList<>();
        List<MispFault> attributeFaults = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        String uuid = text(event, "uuid");
        String info = text(event, "info");
        if (uuid == null || uuid.isBlank()) {
            fatal.add(fault(index, null, info, pointer + "/uuid", null, null, null, null, "uuid",
                    "an event needs a uuid (MISP core format); without one a second import could not be recognised"));
        } else if (!isUuid(uuid)) {
            fatal.add(fault(index, uuid, info, pointer + "/uuid", null, null, null, null, "uuid", "'" + uuid + "' is not a UUID"));
        }
        Instant date = date(text(event, "date"));
        Instant timestamp = epoch(event.get("timestamp"));
        if (text(event, "date") != null && date == null) {
            fatal.add(fault(index, uuid, info, pointer + "/date", null, null, null, null, "date",
                    "'" + text(event, "date") + "' is not a date (YYYY-MM-DD)"));
        }
        if (event.has("timestamp") && timestamp == null) {
            fatal.add(fault(index, uuid, info, pointer + "/timestamp", null, null, null, null, "timestamp",
                    "'" + event.get("timestamp").asText() + "' is not a Unix timestamp in seconds"));
        }
        if (timestamp == null && date == null && fatal.isEmpty()) {
            fatal.add(fault(index, uuid, info, pointer + "/timestamp", null, null, null, null, "timestamp",
                    "an event needs a timestamp or a date: it tells one version of the event from the next"));
        }
        Instant modified = timestamp != null ? timestamp : date;
        Instant created = date != null && modified != null && !date.isAfter(modified) ? date : modified;

        // ---- attributes, standalone and in objects ----
        List<Attr> attributes = new ArrayList<>();
        readAttributes(event.path("Attribute"), pointer + "/Attribute", null, null, null, attributes);
        // a malformed list (an object where MISP writes an array) is read as empty rather than guessed at
        JsonNode objects = event.path("Object").isArray() ? event.get("Object") : json.createArrayNode();
        for (int o = 0; o < objects.size(); o++) {
            JsonNode object = objects.get(o);
            readAttributes(object.path("Attribute"), pointer + "/Object/" + o + "/Attribute", o, text(object, "name"), text(object, "uuid"),
                    attributes);
        }
        List<Attr> usable = new ArrayList<>();
        int skipped = 0;
        for (Attr a : attributes) {
            if (a.node().path("deleted").asBoolean(false)) {
                continue; // MISP's soft deletion: the attribute is no longer part of the event
            }
            if (a.type() == null) {
                attributeFaults.add(fault(index, uuid, info, a.pointer() + "/type", a.object(), a.objectName(), a.index(), a.uuid(), "type",
                        "the attribute has no type"));
                skipped++;
            } else if (!types.known(a.type())) {
                attributeFaults.add(fault(index, uuid, info, a.pointer() + "/type", a.object(), a.objectName(), a.index(), a.uuid(), "type",
                        "'" + a.type() + "' is not a MISP attribute type (MISP's list has " + types.size() + ")"));
                skipped++;
            } else if (a.value() == null) {
                attributeFaults.add(fault(index, uuid, info, a.pointer() + "/value", a.object(), a.objectName(), a.index(), a.uuid(), "value",
                        "the attribute has no value"));
                skipped++;
            } else {
                if (a.category() != null && !types.knownCategory(a.category())) {
                    warnings.add(where(a) + ": category '" + a.category() + "' is not one of MISP's categories; kept as given");
                }
                usable.add(a);
            }
        }

        // ---- tags: TLP, PAP, galaxies ----
        List<String> tags = tagNames(event.path("Tag"));
        Tlp tlp = null;
        Pap pap = null;
        for (String tag : tags) {
            String lower = tag.toLowerCase(Locale.ROOT).strip();
            if (lower.startsWith("tlp:")) {
                Optional<Tlp> level = Tlp.parse(lower);
                if (level.isEmpty()) {
                    warnings.add("tag '" + tag + "' is not a TLP 2.0 level; ignored");
                } else if (tlp != null && tlp != level.get()) {
                    Tlp stricter = level.get().ordinal() > tlp.ordinal() ? level.get() : tlp;
                    warnings.add("the event carries two TLP tags (" + tlp.label() + ", " + level.get().label() + "); the stricter, "
                            + stricter.label() + ", applies");
                    tlp = stricter;
                } else {
                    tlp = level.get();
                }
            } else if (lower.startsWith("pap:")) {
                Optional<Pap> level = Pap.parse(lower);
                if (level.isEmpty()) {
                    warnings.add("tag '" + tag + "' is not a PAP level; ignored");
                } else {
                    pap = pap == null || level.get().ordinal() > pap.ordinal() ? level.get() : pap;
                }
            }
        }
        Set<String> disarmIds = new LinkedHashSet<>();
        Set<String> attackIds = new LinkedHashSet<>();
        Map<String, Actor> actors = new LinkedHashMap<>();
        for (JsonNode galaxy : event.path("Galaxy")) {
            String galaxyType = galaxy.path("type").asText("");
            for (JsonNode cluster : galaxy.path("GalaxyCluster")) {
                String clusterType = cluster.path("type").asText(galaxyType);
                if (isDisarm(galaxyType, galaxy.path("name").asText(""))) {
                    disarmTechnique(cluster, warnings).ifPresent(disarmIds::add);
                } else if (clusterType.equals("mitre-attack-pattern") || galaxyType.equals("mitre-attack-pattern")) {
                    externalIds(cluster.path("meta").path("external_id")).stream().filter(id -> ATTACK_ID.matcher(id).matches())
                            .forEach(attackIds::add);
                } else if (isActorGalaxy(galaxyType)) {
                    String name = cluster.path("value").asText("").strip();
                    if (!name.isEmpty()) {
                        actors.putIfAbsent(name.toLowerCase(Locale.ROOT), actor(organisation, galaxyType, name,
                                cluster.path("description").asText(null)));
                    }
                }
            }
        }
        for (String tag : tags) {
            Matcher m = GALAXY_TAG.matcher(tag.strip());
            if (!m.matches()) {
                continue;
            }
            String galaxyType = m.group(1);
            String value = m.group(2);
            if (isDisarm(galaxyType, "")) {
                Optional<String> id = disarmByValue(value);
                if (id.isPresent()) {
                    disarmIds.add(id.get());
                } else {
                    warnings.add("tag '" + tag + "' names no DISARM " + disarm.version() + " technique; kept as a tag only");
                }
            } else if (isActorGalaxy(galaxyType) && !value.isBlank()) {
                actors.putIfAbsent(value.strip().toLowerCase(Locale.ROOT), actor(organisation, galaxyType, value.strip(), null));
            }
        }
        for (Attr a : usable) {
            if (a.type().equals("threat-actor") && !a.value().isBlank()) {
                actors.putIfAbsent(a.value().strip().toLowerCase(Locale.ROOT), actor(organisation, "threat-actor", a.value().strip(), null));
            }
        }

        // ---- observables, detection, what only the note keeps ----
        String reportId = "incident--" + derived(organisation, uuid, "incident");
        List<ReportObservable> observables = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        int preserved = 0;
        List<String> texts = new ArrayList<>();
        List<String> links = new ArrayList<>();
        for (Attr a : usable) {
            List<ReportObservable> mapped = observables(a, warnings);
            for (ReportObservable o : mapped) {
                if (seen.add(o.type() + "\u0000" + o.normalised())) {
                    observables.add(o);
                }
            }
            if (a.object() == null && (a.type().equals("text") || a.type().equals("comment")) && !a.value().isBlank()) {
                texts.add(a.value().strip());
            }
            if (a.object() == null && a.type().equals("link")) {
                links.add(a.value().strip());
            }
            boolean detection = a.toIds() && StixPatterns.forAttribute(a.type(), a.value()).isPresent();
            if (mapped.isEmpty() && !detection && !a.type().equals("text") && !a.type().equals("comment") && !a.type().equals("link")) {
                preserved++;
            }
        }
        List<JsonNode> companions = new ArrayList<>();
        int indicators = 0;
        if (uuid != null && modified != null && fatal.isEmpty()) {
            Instant eventTime = modified;
            for (Attr a : usable) {
                if (a.object() != null || !a.toIds()) {
                    continue;
                }
                Optional<StixPatterns.Detection> detection = StixPatterns.forAttribute(a.type(), a.value());
                if (detection.isEmpty()) {
                    warnings.add(where(a) + ": MISP type '" + a.type() + "' has no STIX pattern; the attribute is kept in the MISP note");
                    continue;
                }
                String key = a.uuid() != null ? a.uuid() : a.pointer();
                Instant at = attributeTime(a.node(), eventTime);
                companions.add(indicator(organisation, uuid, key, at, a.type() + ": " + a.value(), a.node().path("comment").asText(""),
                        detection.get(), List.of(a), null, null));
                companions.add(relationship(organisation, uuid, key, at, reportId));
                indicators++;
            }
            for (int o = 0; o < objects.size(); o++) {
                int objectIndex = o;
                List<Attr> detectable = usable.stream().filter(a -> a.object() != null && a.object() == objectIndex && a.toIds()).toList();
                if (detectable.isEmpty()) {
                    continue;
                }
                JsonNode object = objects.get(o);
                Optional<StixPatterns.Detection> detection = StixPatterns.forObject(detectable.stream()
                        .map(a -> new String[] {a.type(), a.value()}).toList());
                if (detection.isEmpty()) {
                    warnings.add("object " + o + " \u201c" + text(object, "name") + "\u201d: no STIX pattern for its attributes; kept in the MISP note");
                    continue;
                }
                String key = text(object, "uuid") != null ? text(object, "uuid") : pointer + "/Object/" + o;
                Instant at = attributeTime(object, eventTime);
                String name = text(object, "name") + ": " + String.join(", ", detectable.stream().map(Attr::value).toList());
                companions.add(indicator(organisation, uuid, key, at, name, object.path("comment").asText(""), detection.get(), detectable,
                        text(object, "name"), text(object, "uuid")));
                companions.add(relationship(organisation, uuid, key, at, reportId));
                indicators++;
            }
            companions.add(note(organisation, uuid, event, reportId, created, eventTime));
        }

        // ---- the report ----
        String title = info == null || info.isBlank() ? "MISP event " + (uuid == null ? "" : uuid) : info.strip();
        if (title.length() > TITLE_MAX) {
            title = title.substring(0, TITLE_MAX - 1) + "\u2026";
        }
        Instant firstSeen = created != null && !created.isAfter(clock.instant().plus(CLOCK_SKEW)) ? created : null;
        Instant lastSeen = firstSeen != null && modified != null && !modified.isBefore(firstSeen) ? modified : null;
        ReportDraft draft = new ReportDraft(title, summary(event, uuid, texts, links), firstSeen, lastSeen, null, null,
                incidentTypes(info, tags, !disarmIds.isEmpty()), Outcome.UNKNOWN, List.of(), List.copyOf(disarmIds), List.copyOf(attackIds),
                List.of(), List.of(), null, null, null, observables, List.of());
        return new Plan(index, pointer, uuid, info, uuid == null ? null : reportId, created, modified, tlp, pap, draft,
                List.copyOf(actors.values()), companions, observables.size(), indicators, preserved, skipped, fatal, attributeFaults, warnings);
    }

    private void readAttributes(JsonNode list, String pointer, Integer object, String objectName, String objectUuid, List<Attr> into) {
        if (!list.isArray()) {
            return;
        }
        for (int i = 0; i < list.size(); i++) {
            JsonNode a = list.get(i);
            JsonNode value = a.get("value");
            into.add(new Attr(a, pointer + "/" + i, object, objectName, objectUuid, i, text(a, "type"),
                    value == null || value.isNull() || value.isContainerNode() ? null : value.asText(), text(a, "category"),
                    bool(a.get("to_ids")), text(a, "uuid")));
        }
    }

    private static String where(Attr a) {
        return (a.object() != null ? "object " + a.object() + " \u201c" + a.objectName() + "\u201d, " : "") + "attribute " + a.index()
                + (a.uuid() != null ? " (uuid " + a.uuid() + ")" : "");
    }

    /** The observables an attribute of this type and value maps to (none if Vigie has no such observable or it does not parse). */
    List<ReportObservable> observablesOf(String type, String value) {
        if (type == null || value == null) {
            return List.of();
        }
        return observables(new Attr(json.createObjectNode(), "", null, null, null, 0, type, value, null, false, null), new ArrayList<>());
    }

    /** What a MISP attribute is as Vigie observables; composite values ("domain|ip") give two. */
    private List<ReportObservable> observables(Attr a, List<String> warnings) {
        List<ReportObservable> out = new ArrayList<>();
        String t = a.type();
        String v = a.value().strip();
        switch (t) {
            case "url", "uri" -> add(ObservableType.URL, v, a, out, warnings);
            case "domain", "hostname" -> add(ObservableType.DOMAIN, v, a, out, warnings);
            case "ip-src", "ip-dst" -> add(v.contains(":") ? ObservableType.IPV6 : ObservableType.IPV4, v, a, out, warnings);
            case "ip-src|port", "ip-dst|port" -> {
                String ip = v.contains("|") ? v.substring(0, v.lastIndexOf('|')) : v;
                add(ip.contains(":") ? ObservableType.IPV6 : ObservableType.IPV4, ip, a, out, warnings);
            }
            case "hostname|port" -> add(ObservableType.DOMAIN, v.contains("|") ? v.substring(0, v.indexOf('|')) : v, a, out, warnings);
            case "domain|ip" -> {
                int bar = v.indexOf('|');
                if (bar > 0) {
                    add(ObservableType.DOMAIN, v.substring(0, bar), a, out, warnings);
                    String ip = v.substring(bar + 1);
                    add(ip.contains(":") ? ObservableType.IPV6 : ObservableType.IPV4, ip, a, out, warnings);
                }
            }
            case "email", "email-src", "email-dst", "email-reply-to", "target-email", "whois-registrant-email" ->
                    add(ObservableType.EMAIL, v, a, out, warnings);
            case "md5", "sha1", "sha256", "sha512" -> add(ObservableType.FILE_HASH, v, a, out, warnings);
            case "filename|md5", "filename|sha1", "filename|sha256", "filename|sha512" -> {
                int bar = v.lastIndexOf('|');
                if (bar > 0) {
                    add(ObservableType.FILE_HASH, v.substring(bar + 1), a, out, warnings);
                }
            }
            case "phone-number", "whois-registrant-phone" -> add(ObservableType.PHONE, v, a, out, warnings);
            case "twitter-id" -> add(ObservableType.SOCIAL_ACCOUNT, "x:" + (v.startsWith("@") ? v : "@" + v), a, out, warnings);
            default -> {
                // not an observable Vigie types: the note keeps it, and an indicator when STIX can express it
            }
        }
        return out;
    }

    private void add(ObservableType type, String value, Attr a, List<ReportObservable> out, List<String> warnings) {
        ObservableParser.ParsedLine line = parser.parse(type, value);
        if (line.isValid()) {
            Observable o = line.observable().orElseThrow();
            out.add(new ReportObservable(o.type().key(), o.raw(), o.normalised()));
        } else {
            warnings.add(where(a) + ": '" + shortened(value) + "' is not a valid " + type.key() + " (" + line.error()
                    + "); kept in the MISP note, not as an observable");
        }
    }

    private static String shortened(String value) {
        return value.length() > 80 ? value.substring(0, 79) + "\u2026" : value;
    }

    // ---- STIX objects --------------------------------------------------------------------------

    private ObjectNode indicator(UUID organisation, String eventUuid, String key, Instant at, String name, String comment,
                                 StixPatterns.Detection detection, List<Attr> from, String objectName, String objectUuid) {
        ObjectNode indicator = json.createObjectNode();
        indicator.put("type", "indicator");
        indicator.put("spec_version", "2.1");
        indicator.put("id", "indicator--" + derived(organisation, eventUuid, "indicator:" + key));
        indicator.put("created", time(at));
        indicator.put("modified", time(at));
        indicator.put("name", shortened(name));
        if (comment != null && !comment.isBlank()) {
            indicator.put("description", comment.strip());
        }
        indicator.putArray("indicator_types").add("malicious-activity");
        indicator.put("pattern", detection.pattern());
        indicator.put("pattern_type", detection.patternType());
        if (detection.patternType().equals("stix")) {
            indicator.put("pattern_version", "2.1");
        }
        indicator.put("valid_from", time(at));
        indicator.put("x_misp_event_uuid", eventUuid);
        if (objectName != null) {
            indicator.put("x_misp_object_name", objectName);
        }
        if (objectUuid != null) {
            indicator.put("x_misp_object_uuid", objectUuid);
        }
        ArrayNode attributes = indicator.putArray("x_misp_attributes");
        for (Attr a : from) {
            ObjectNode entry = attributes.addObject().put("type", a.type()).put("value", a.value());
            if (a.category() != null) {
                entry.put("category", a.category());
            }
            if (a.uuid() != null) {
                entry.put("uuid", a.uuid());
            }
            if (a.node().hasNonNull("object_relation")) {
                entry.put("object_relation", a.node().get("object_relation").asText());
            }
        }
        return indicator;
    }

    private ObjectNode relationship(UUID organisation, String eventUuid, String key, Instant at, String reportId) {
        ObjectNode relationship = json.createObjectNode();
        relationship.put("type", "relationship");
        relationship.put("spec_version", "2.1");
        relationship.put("id", "relationship--" + derived(organisation, eventUuid, "relationship:" + key));
        relationship.put("created", time(at));
        relationship.put("modified", time(at));
        relationship.put("relationship_type", "related-to");
        relationship.put("source_ref", "indicator--" + derived(organisation, eventUuid, "indicator:" + key));
        relationship.put("target_ref", reportId);
        return relationship;
    }

    /**
     * The note about the report that records where it came from: the MISP event's uuid, creator and
     * owner organisations, distribution level and sharing group, in words and as properties, and the
     * event itself as MISP gave it (less related events and proposals), so that an export gives back
     * what Vigie could not map.
     */
    private ObjectNode note(UUID organisation, String eventUuid, JsonNode event, String reportId, Instant created, Instant modified) {
        ObjectNode note = json.createObjectNode();
        note.put("type", "note");
        note.put("spec_version", "2.1");
        note.put("id", "note--" + derived(organisation, eventUuid, "note"));
        note.put("created", time(created.isAfter(modified) ? modified : created));
        note.put("modified", time(modified));
        note.put("abstract", "MISP event " + eventUuid);
        note.putArray("authors").add("MISP import");
        String distribution = text(event, "distribution");
        String distributionLabel = distributionLabel(distribution);
        JsonNode sharingGroup = event.path("SharingGroup");
        String orgc = event.path("Orgc").path("name").asText(null);
        String org = event.path("Org").path("name").asText(null);
        StringBuilder content = new StringBuilder("Imported from MISP event ").append(eventUuid);
        if (orgc != null) {
            content.append(", created by ").append(orgc);
        }
        if (org != null && !org.equals(orgc)) {
            content.append(", held by ").append(org);
        }
        content.append(". MISP distribution: ").append(distribution == null ? "not given" : distribution + " (" + distributionLabel + ")");
        if ("4".equals(distribution)) {
            content.append(", sharing group ").append(sharingGroup.path("name").asText(text(event, "sharing_group_id")));
        }
        content.append('.');
        note.put("content", content.toString());
        note.putArray("object_refs").add(reportId);
        note.put(NOTE_MARKER, eventUuid);
        note.put("x_misp_event_timestamp", event.path("timestamp").asText(""));
        if (distribution != null) {
            note.put("x_misp_distribution", distribution);
            note.put("x_misp_distribution_label", distributionLabel);
        }
        if (text(event, "sharing_group_id") != null) {
            note.put("x_misp_sharing_group_id", text(event, "sharing_group_id"));
        }
        if (sharingGroup.isObject()) {
            ObjectNode group = note.putObject("x_misp_sharing_group");
            copyText(sharingGroup, group, "uuid", "name", "releasability");
        }
        if (event.path("Orgc").isObject()) {
            copyText(event.get("Orgc"), note.putObject("x_misp_orgc"), "uuid", "name");
        }
        if (event.path("Org").isObject()) {
            copyText(event.get("Org"), note.putObject("x_misp_org"), "uuid", "name");
        }
        ObjectNode kept = event.deepCopy();
        kept.remove("RelatedEvent");
        kept.remove("ShadowAttribute");
        // kept as text: MISP's property names (Attribute, meta-category…) are not STIX property names
        note.put(NOTE_EVENT, kept.toString());
        return note;
    }

    private static void copyText(JsonNode from, ObjectNode to, String... fields) {
        for (String field : fields) {
            if (from.hasNonNull(field)) {
                to.put(field, from.get(field).asText());
            }
        }
    }

    static String distributionLabel(String level) {
        try {
            int n = Integer.parseInt(level == null ? "" : level.strip());
            return n >= 0 && n < DISTRIBUTIONS.size() ? DISTRIBUTIONS.get(n) : "unknown level";
        } catch (NumberFormatException e) {
            return "unknown level";
        }
    }

    private Actor actor(UUID organisation, String galaxyType, String name, String description) {
        String type = galaxyType.contains("intrusion-set") ? "intrusion-set" : "threat-actor";
        // per organisation, not per event: the same actor named by several events is one object, reused
        String id = type + "--" + uuid3("vigie:misp:" + organisation + ":actor:" + name.toLowerCase(Locale.ROOT));
        return new Actor(id, type, name, description);
    }

    // ---- galaxies ------------------------------------------------------------------------------

    private static boolean isDisarm(String galaxyType, String galaxyName) {
        String t = galaxyType.toLowerCase(Locale.ROOT);
        return t.equals("disarm") || t.equals("disarm-techniques") || galaxyName.toLowerCase(Locale.ROOT).startsWith("disarm techniques");
    }

    private static boolean isActorGalaxy(String galaxyType) {
        return galaxyType.equals("threat-actor") || galaxyType.equals("mitre-intrusion-set") || galaxyType.equals("microsoft-activity-group");
    }

    private Optional<String> disarmTechnique(JsonNode cluster, List<String> warnings) {
        for (String id : externalIds(cluster.path("meta").path("external_id"))) {
            if (disarm.technique(id).isPresent()) {
                return Optional.of(id);
            }
        }
        Optional<String> byValue = disarmByValue(cluster.path("value").asText(""));
        if (byValue.isEmpty()) {
            warnings.add("DISARM cluster '" + cluster.path("value").asText("") + "' names no DISARM " + disarm.version()
                    + " technique; kept in the MISP note");
        }
        return byValue;
    }

    /** A cluster value or tag: "T0049", "Flood Information Space - T0049", or the technique's name. */
    private Optional<String> disarmByValue(String value) {
        Matcher m = DISARM_ID.matcher(value);
        while (m.find()) {
            if (disarm.technique(m.group(1)).isPresent()) {
                return Optional.of(m.group(1));
            }
        }
        String wanted = value.strip().toLowerCase(Locale.ROOT);
        return disarm.techniques().stream().filter(t -> t.name().toLowerCase(Locale.ROOT).equals(wanted))
                .map(DisarmFramework.Technique::id).findFirst();
    }

    private static List<String> externalIds(JsonNode node) {
        List<String> ids = new ArrayList<>();
        if (node.isArray()) {
            node.forEach(n -> ids.add(n.asText().strip()));
        } else if (node.isTextual()) {
            ids.add(node.asText().strip());
        }
        return ids;
    }

    // ---- the report's text and types --------------------------------------------------------------

    private String summary(JsonNode event, String uuid, List<String> texts, List<String> links) {
        StringBuilder summary = new StringBuilder();
        for (String text : texts) {
            summary.append(text).append("\n\n");
        }
        if (!links.isEmpty()) {
            summary.append("Sources:\n\n");
            links.forEach(l -> summary.append("- ").append(l).append('\n'));
            summary.append('\n');
        }
        summary.append("Imported from MISP event `").append(uuid == null ? "?" : uuid).append('`');
        String orgc = event.path("Orgc").path("name").asText(null);
        if (orgc != null) {
            summary.append(", created by ").append(orgc);
        }
        summary.append('.');
        String text = summary.toString();
        return text.length() > SUMMARY_MAX ? text.substring(text.length() - SUMMARY_MAX) : text;
    }

    /** Best effort from the event's words and tags; "other" when nothing says more. */
    private static Set<IncidentType> incidentTypes(String info, List<String> tags, boolean disarmTechniques) {
        String words = ((info == null ? "" : info) + " " + String.join(" ", tags)).toLowerCase(Locale.ROOT);
        EnumSet<IncidentType> found = EnumSet.noneOf(IncidentType.class);
        if (words.contains("phishing")) {
            found.add(IncidentType.PHISHING);
        }
        if (words.contains("ddos") || words.contains("denial of service") || words.contains("denial-of-service")) {
            found.add(IncidentType.DDOS);
        }
        if (words.contains("defacement") || words.contains("deface")) {
            found.add(IncidentType.DEFACEMENT);
        }
        if (words.contains("hack-and-leak") || words.contains("hack and leak") || words.contains("leak")) {
            found.add(IncidentType.HACK_AND_LEAK);
        }
        if (words.contains("intrusion") || words.contains("compromise") || words.contains("malware")) {
            found.add(IncidentType.INTRUSION);
        }
        if (words.contains("disinformation") || words.contains("misinformation")) {
            found.add(IncidentType.DISINFORMATION_NARRATIVE);
        }
        if (words.contains("inauthentic") || words.contains("astroturf") || words.contains("bot network")) {
            found.add(IncidentType.COORDINATED_INAUTHENTIC_BEHAVIOUR);
        }
        if (words.contains("impersonat")) {
            found.add(IncidentType.IMPERSONATION);
        }
        if (words.contains("deepfake") || words.contains("synthetic")) {
            found.add(IncidentType.SYNTHETIC_MEDIA);
        }
        if (found.isEmpty() && disarmTechniques) {
            found.add(IncidentType.DISINFORMATION_NARRATIVE);
        }
        if (found.isEmpty()) {
            found.add(IncidentType.OTHER);
        }
        return found;
    }

    // ---- small readers -------------------------------------------------------------------------

    static List<String> tagNames(JsonNode tags) {
        List<String> names = new ArrayList<>();
        tags.forEach(t -> {
            if (t.hasNonNull("name")) {
                names.add(t.get("name").asText());
            }
        });
        return names;
    }

    static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() || value.isContainerNode() ? null : value.asText();
    }

    /** MISP writes booleans as true/false, "1"/"0" or 1/0 depending on the version. */
    static boolean bool(JsonNode node) {
        if (node == null || node.isNull()) {
            return false;
        }
        if (node.isBoolean()) {
            return node.asBoolean();
        }
        String text = node.asText().strip().toLowerCase(Locale.ROOT);
        return text.equals("1") || text.equals("true");
    }

    static Instant epoch(JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        try {
            long seconds = node.isNumber() ? node.asLong() : Long.parseLong(node.asText().strip());
            return seconds > 0 ? Instant.ofEpochSecond(seconds) : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static Instant date(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(text.strip()).atStartOfDay(ZoneOffset.UTC).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static Instant attributeTime(JsonNode node, Instant fallback) {
        Instant at = epoch(node.get("timestamp"));
        return at != null ? at : fallback;
    }

    static String time(Instant instant) {
        return STIX_TIME.format(instant.truncatedTo(ChronoUnit.MILLIS));
    }

    static boolean isUuid(String text) {
        try {
            UUID.fromString(text);
            return text.length() == 36;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** An id for what the organisation's import of the event gives: the same inputs, the same id. */
    static UUID derived(UUID organisation, String eventUuid, String what) {
        return uuid3("vigie:misp:" + organisation + ":" + (eventUuid == null ? "" : eventUuid.toLowerCase(Locale.ROOT)) + ":" + what);
    }

    private static UUID uuid3(String name) {
        return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8));
    }

    private static MispFault fault(int event, String eventUuid, String info, String pointer, Integer object, String objectName,
                                   Integer attribute, String attributeUuid, String property, String message) {
        return new MispFault(event, eventUuid, info, pointer, object, objectName, attribute, attributeUuid, property, message);
    }
}

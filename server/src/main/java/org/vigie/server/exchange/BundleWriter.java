package org.vigie.server.exchange;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Pattern;
import org.vigie.core.organisations.Sector;
import org.vigie.core.sharing.Tlp;
import org.vigie.core.sharing.Viewer;
import org.vigie.core.sharing.VisibilityPolicy;
import org.vigie.server.audit.AuditEvent;
import org.vigie.server.audit.AuditTrail;
import org.vigie.server.knowledge.KnowledgeStore;
import org.vigie.server.knowledge.StoredObject;
import org.vigie.server.organisations.Organisation;
import org.vigie.server.organisations.Organisations;
import org.vigie.server.reference.DisarmFramework;

/**
 * Writes one STIX bundle as it goes: objects are written as their pages arrive and forgotten, only
 * their ids (as hashes) and the references still to resolve are kept. When the set is written,
 * {@link #finish} adds its closure, each object once, every stored one read through the visibility
 * policy: DISARM attack-patterns named by incidents, Vigie's extension definitions used, objects
 * referenced by {@code *_ref}/{@code *_refs} (transitively), an identity per owning organisation and
 * the marking definitions of everything written. A reference to an object the reader may not see
 * stays dangling: a dangling reference is better than a leak.
 */
final class BundleWriter {

    static final int PAGE = 500;
    private static final Pattern STIX_ID = Pattern.compile(
            "^[a-z0-9][a-z0-9-]*[a-z0-9]--[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$");
    private static final DateTimeFormatter TIMESTAMP = new DateTimeFormatterBuilder().appendInstant(3).toFormatter();
    /** Restricted reads are audited in events of at most this many ids, so none is left out. */
    private static final int AUDIT_BATCH = 100;

    private final KnowledgeStore store;
    private final Organisations organisations;
    private final AuditTrail audit;
    private final ObjectMapper json;
    private final Viewer viewer;
    private final boolean allVersions;
    private final String set;
    private final Counting counted;
    private final JsonGenerator out;

    private final IdSet written = new IdSet();
    private final TreeSet<String> refs = new TreeSet<>();
    private final TreeSet<String> markings = new TreeSet<>();
    private final TreeSet<String> extensions = new TreeSet<>();
    private final TreeSet<String> disarm = new TreeSet<>();
    private final TreeSet<UUID> owners = new TreeSet<>();
    private final List<String> restricted = new ArrayList<>();
    private long objects;
    private long restrictedCount;

    BundleWriter(KnowledgeStore store, Organisations organisations, AuditTrail audit, ObjectMapper json, Viewer viewer,
                 boolean allVersions, String set, OutputStream target) {
        this.store = store;
        this.organisations = organisations;
        this.audit = audit;
        this.json = json;
        this.viewer = viewer;
        this.allVersions = allVersions;
        this.set = set;
        this.counted = new Counting(target);
        try {
            this.out = json.getFactory().createGenerator(counted);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void begin(String bundleId) {
        try {
            out.writeStartObject();
            out.writeStringField("type", "bundle");
            out.writeStringField("id", bundleId);
            out.writeArrayFieldStart("objects");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Viewer viewer() {
        return viewer;
    }

    long objects() {
        return objects;
    }

    long bytes() {
        return counted.count;
    }

    long restrictedCount() {
        return restrictedCount;
    }

    boolean written(String id) {
        return written.contains(id);
    }

    /**
     * Writes a page of latest versions the reader may see (every visible version instead when all
     * versions were asked for), each object once.
     */
    void writeStored(List<StoredObject> latest) {
        if (allVersions) {
            List<String> ids = latest.stream().map(StoredObject::stixId).filter(id -> !written.contains(id)).toList();
            List<StoredObject> versions = store.visibleVersions(viewer, ids);
            versions.forEach(this::writeOne);
            versions.forEach(v -> written.add(v.stixId()));
        } else {
            for (StoredObject object : latest) {
                if (written.add(object.stixId())) {
                    writeOne(object);
                }
            }
        }
    }

    private void writeOne(StoredObject stored) {
        if (VisibilityPolicy.readIsAudited(stored.sharing().tlp())) {
            restrictedCount++;
            restricted.add(stored.stixId() + (allVersions ? "@" + stored.modified() : "") + " (" + stored.sharing().tlp().label() + ")");
            if (restricted.size() >= AUDIT_BATCH) {
                flushRestricted();
            }
        }
        if (stored.sharing().ownerOrganisation() != null) {
            owners.add(stored.sharing().ownerOrganisation());
        }
        emit(stored.object());
    }

    /** Writes an object Vigie derives (a cyber-observable, a relationship, an identity) unless written already. */
    void writeDerived(ObjectNode object) {
        if (written.add(object.get("id").asText())) {
            emit(object);
        }
    }

    private void emit(JsonNode object) {
        collect(object, null);
        if ("incident".equals(object.path("type").asText())) {
            collectDisarm(object);
        }
        refs.remove(object.path("id").asText());
        try {
            out.writeTree(object);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        objects++;
    }

    /** Walks an object for what its closure needs: markings, extension definitions, and other references. */
    private void collect(JsonNode node, String field) {
        if (node.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> entry = fields.next();
                if (entry.getKey().equals("extensions") && entry.getValue().isObject()) {
                    entry.getValue().fieldNames().forEachRemaining(name -> {
                        if (name.startsWith("extension-definition--")) {
                            extensions.add(name);
                        }
                    });
                }
                collect(entry.getValue(), entry.getKey());
            }
        } else if (node.isArray()) {
            node.forEach(element -> collect(element, field));
        } else if (node.isTextual() && field != null && (field.endsWith("_ref") || field.endsWith("_refs"))) {
            String ref = node.asText();
            if (!STIX_ID.matcher(ref).matches() || written.contains(ref)) {
                return;
            }
            if (ref.startsWith("marking-definition--")) {
                markings.add(ref);
            } else {
                refs.add(ref);
            }
        }
    }

    /** The DISARM techniques an incident names: Vigie's extension and its DISARM external references. */
    private void collectDisarm(JsonNode incident) {
        incident.path("extensions").path(KnowledgeStore.REPORT_EXTENSION_ID).path("disarm_techniques").forEach(t -> disarm.add(t.asText()));
        incident.path("external_references").forEach(r -> {
            if (DisarmFramework.SOURCE_NAME.equals(r.path("source_name").asText()) && r.path("external_id").isTextual()) {
                disarm.add(r.get("external_id").asText());
            }
        });
    }

    /** Adds the closure until nothing more is referenced, then closes the bundle. */
    void finish() {
        boolean more = true;
        while (more) {
            more = false;
            if (!disarm.isEmpty()) {
                List<String> ids = drain(disarm);
                writeStored(store.attackPatterns(viewer, DisarmFramework.SOURCE_NAMES, ids));
                more = true;
            }
            if (!extensions.isEmpty()) {
                writeStoredIds(drain(extensions));
                more = true;
            }
            if (!refs.isEmpty()) {
                writeStoredIds(drain(refs));
                more = true;
            }
            if (!more && !owners.isEmpty()) {
                drain(owners).forEach(this::writeIdentity);
                more = true;
            }
            if (!more && !markings.isEmpty()) {
                writeStoredIds(drain(markings));
                more = true;
            }
        }
        flushRestricted();
        try {
            out.writeEndArray();
            out.writeEndObject();
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void writeStoredIds(List<String> ids) {
        for (int from = 0; from < ids.size(); from += PAGE) {
            List<String> page = ids.subList(from, Math.min(ids.size(), from + PAGE)).stream().filter(id -> !written.contains(id)).toList();
            writeStored(store.latestVisible(viewer, page));
        }
    }

    private static <T> List<T> drain(TreeSet<T> pending) {
        List<T> all = new ArrayList<>(pending);
        pending.clear();
        return all;
    }

    /**
     * The identity an organisation is known by in exports: derived from its id, so the same every
     * time; the exported objects are not rewritten to point at it (they are exported as stored).
     */
    private void writeIdentity(UUID organisationId) {
        String id = StixIds.organisationIdentity(organisationId);
        if (written.contains(id)) {
            return;
        }
        organisations.find(organisationId).ifPresent(organisation -> writeDerived(identity(id, organisation)));
    }

    private ObjectNode identity(String id, Organisation organisation) {
        ObjectNode identity = json.createObjectNode();
        identity.put("type", "identity");
        identity.put("spec_version", "2.1");
        identity.put("id", id);
        Instant created = organisation.createdAt() == null ? Instant.EPOCH : organisation.createdAt();
        Instant modified = organisation.updatedAt() == null || organisation.updatedAt().isBefore(created) ? created : organisation.updatedAt();
        identity.put("created", TIMESTAMP.format(created.truncatedTo(java.time.temporal.ChronoUnit.MILLIS)));
        identity.put("modified", TIMESTAMP.format(modified.truncatedTo(java.time.temporal.ChronoUnit.MILLIS)));
        identity.put("name", organisation.name());
        identity.put("identity_class", "organization");
        String sector = sector(organisation.sector());
        if (sector != null) {
            identity.putArray("sectors").add(sector);
        }
        identity.putArray("object_marking_refs").add(Tlp.CLEAR.markingDefinitionId());
        return identity;
    }

    /** Vigie's sectors in STIX's industry-sector vocabulary, where one fits. */
    static String sector(Sector sector) {
        if (sector == null) {
            return null;
        }
        return switch (sector) {
            case GOVERNMENT_AGENCY -> "government-national";
            case ELECTION_MANAGEMENT_BODY -> "government-public-services";
            case PLATFORM_INDUSTRY -> "technology";
            case CIVIL_SOCIETY, FACT_CHECKER -> "non-profit";
            case RESEARCH -> "education";
            case MEDIA -> "communications";
            case INTERNATIONAL_ORGANISATION -> "government";
            case POLITICAL_PARTY -> null;
        };
    }

    private void flushRestricted() {
        if (!restricted.isEmpty()) {
            audit.record(AuditEvent.of("knowledge.exported").with("set", set).with("count", restricted.size())
                    .with("objects", List.copyOf(restricted)));
            restricted.clear();
        }
    }

    /** Abandons a bundle whose writing failed: what was read is still audited. */
    void abandon() {
        flushRestricted();
    }

    static Set<String> idsOf(Collection<StoredObject> objects) {
        Set<String> ids = new java.util.LinkedHashSet<>();
        objects.forEach(o -> ids.add(o.stixId()));
        return ids;
    }

    private static final class Counting extends FilterOutputStream {
        long count;

        Counting(OutputStream out) {
            super(out);
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
            count += len;
        }
    }
}

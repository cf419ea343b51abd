package org.vigie.server.taxii;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.vigie.core.accounts.Member;
import org.vigie.core.sharing.Tlp;
import org.vigie.core.sharing.Viewer;
import org.vigie.server.audit.AuditEvent;
import org.vigie.server.audit.AuditTrail;
import org.vigie.server.knowledge.KnowledgeStore;
import org.vigie.server.knowledge.SharingRequest;
import org.vigie.server.knowledge.StoreOutcome;
import org.vigie.server.sharing.Viewers;
import org.vigie.server.web.PayloadTooLarge;

/**
 * What the TAXII endpoints do, independent of HTTP details: list pages of objects, manifest entries
 * and versions of a collection for a member; add objects; delete an object's versions.
 */
@Service
public class TaxiiService {

    /** A page as JSON text, with the dates added of its first and last entries (null when empty) for the X-TAXII headers. */
    public record Page(String body, String firstAdded, String lastAdded) {
    }

    private final TaxiiCollections collections;
    private final TaxiiRepository repository;
    private final TaxiiStatuses statuses;
    private final PageCursors cursors;
    private final Viewers viewers;
    private final KnowledgeStore store;
    private final AuditTrail audit;
    private final TransactionTemplate transactions;
    private final TaxiiSettings settings;
    private final ObjectMapper json;
    private final Clock clock;

    TaxiiService(TaxiiCollections collections, TaxiiRepository repository, TaxiiStatuses statuses, PageCursors cursors,
                 Viewers viewers, KnowledgeStore store, AuditTrail audit, TransactionTemplate transactions,
                 TaxiiSettings settings, ObjectMapper json, Clock clock) {
        this.collections = collections;
        this.repository = repository;
        this.statuses = statuses;
        this.cursors = cursors;
        this.viewers = viewers;
        this.store = store;
        this.audit = audit;
        this.transactions = transactions;
        this.settings = settings;
        this.json = json;
        this.clock = clock;
    }

    public List<TaxiiCollection> collections(Member member) {
        return collections.of(member, viewers.of(member));
    }

    public TaxiiCollection collection(Member member, String id) {
        return collections.find(member, viewers.of(member), id);
    }

    // ---- reading -------------------------------------------------------------------------------

    /** GET objects/: an envelope of the objects' versions (by default the latest of each). */
    public Page objects(Member member, String collectionId, Map<String, String[]> parameters) {
        Viewer viewer = viewers.of(member);
        return objects(viewer, collections.find(member, viewer, collectionId), parameters);
    }

    /** The same for a viewer and collection already resolved: the benchmark's way in. */
    Page objects(Viewer viewer, TaxiiCollection collection, Map<String, String[]> parameters) {
        Listed listed = list(viewer, collection, "objects", null, parameters, "last", true);
        return new Page(envelope(listed, "objects", r -> r.object()), listed.first(), listed.last());
    }

    /** GET objects/{id}/: an envelope of that object's versions (by default the latest); 404 when none may be read here. */
    public Page object(Member member, String collectionId, String objectId, Map<String, String[]> parameters) {
        Listed listed = list(member, collectionId, "object", checkedId(objectId), only(parameters, "added_after", "limit", "next",
                "match[version]", "match[spec_version]"), "last", true);
        if (listed.rows().isEmpty() && !parameters.containsKey("next")) {
            throw TaxiiException.notFound("No object " + objectId + " in collection " + collectionId + " for you.");
        }
        return new Page(envelope(listed, "objects", r -> r.object()), listed.first(), listed.last());
    }

    /** GET manifest/: one entry per version listed, with its date added, without the content. */
    public Page manifest(Member member, String collectionId, Map<String, String[]> parameters) {
        Listed listed = list(member, collectionId, "manifest", null, parameters, "last", false);
        return new Page(envelope(listed, "objects", r -> manifestEntry(r)), listed.first(), listed.last());
    }

    /** GET objects/{id}/versions/: the versions of one object (all by default). */
    public Page versions(Member member, String collectionId, String objectId, Map<String, String[]> parameters) {
        Listed listed = list(member, collectionId, "versions", checkedId(objectId),
                only(parameters, "added_after", "limit", "next", "match[spec_version]"), "all", false);
        if (listed.rows().isEmpty() && !parameters.containsKey("next")) {
            throw TaxiiException.notFound("No object " + objectId + " in collection " + collectionId + " for you.");
        }
        return new Page(envelope(listed, "versions", r -> quoted(TaxiiTimestamps.version(r.modified()))), listed.first(), listed.last());
    }

    private record Listed(List<TaxiiRepository.Row> rows, boolean more, String next) {

        String first() {
            return rows.isEmpty() ? null : TaxiiTimestamps.dateAdded(rows.get(0).addedAt());
        }

        String last() {
            return rows.isEmpty() ? null : TaxiiTimestamps.dateAdded(rows.get(rows.size() - 1).addedAt());
        }
    }

    private Listed list(Member member, String collectionId, String endpoint, String objectId, Map<String, String[]> parameters,
                        String defaultVersion, boolean withContent) {
        Viewer viewer = viewers.of(member);
        return list(viewer, collections.find(member, viewer, collectionId), endpoint, objectId, parameters, defaultVersion, withContent);
    }

    private Listed list(Viewer viewer, TaxiiCollection collection, String endpoint, String objectId, Map<String, String[]> parameters,
                        String defaultVersion, boolean withContent) {
        TaxiiQuery query = TaxiiQuery.parse(parameters, settings);
        String scope = PageCursors.scope(endpoint, collection.id(), objectId);
        PageCursors.Position after = query.next() == null ? null : cursors.decode(scope, query.next());
        List<TaxiiRepository.Row> rows = repository.page(new TaxiiRepository.Listing(viewer, collection, settings.maxTlp(), query,
                defaultVersion, objectId, after, withContent));
        boolean more = rows.size() > query.limit();
        List<TaxiiRepository.Row> shown = more ? rows.subList(0, query.limit()) : rows;
        String next = null;
        if (more) {
            TaxiiRepository.Row last = shown.get(shown.size() - 1);
            next = cursors.encode(scope, new PageCursors.Position(last.addedAt(), last.stixId(), last.modified()));
        }
        return new Listed(shown, more, next);
    }

    /** The page's JSON written directly: stored objects are copied as PostgreSQL's JSON text, never parsed again. */
    private static String envelope(Listed listed, String listName, java.util.function.Function<TaxiiRepository.Row, String> item) {
        StringBuilder body = new StringBuilder(listed.rows().size() * 700 + 100);
        body.append("{\"more\":").append(listed.more());
        if (listed.next() != null) {
            body.append(",\"next\":\"").append(listed.next()).append('"'); // base64url and '.': nothing to escape
        }
        if (!listed.rows().isEmpty()) { // TAXII lists, like STIX ones, are never empty: an empty page leaves the list out
            body.append(",\"").append(listName).append("\":[");
            boolean first = true;
            for (TaxiiRepository.Row row : listed.rows()) {
                body.append(first ? "" : ",").append(item.apply(row));
                first = false;
            }
            body.append(']');
        }
        return body.append('}').toString();
    }

    private static String manifestEntry(TaxiiRepository.Row row) {
        return "{\"id\":" + quoted(row.stixId()) + ",\"date_added\":" + quoted(TaxiiTimestamps.dateAdded(row.addedAt()))
                + ",\"version\":" + quoted(TaxiiTimestamps.version(row.modified()))
                + ",\"media_type\":\"application/stix+json;version=" + row.specVersion() + "\"}";
    }

    private static String quoted(String text) {
        return "\"" + new String(com.fasterxml.jackson.core.io.JsonStringEncoder.getInstance().quoteAsString(text)) + "\"";
    }

    private static String checkedId(String objectId) {
        TaxiiQuery.checkId("object id", objectId);
        return objectId;
    }

    private static Map<String, String[]> only(Map<String, String[]> parameters, String... names) {
        Set<String> allowed = Set.of(names);
        return parameters.entrySet().stream().filter(e -> allowed.contains(e.getKey()))
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    public ObjectNode status(Member member, String statusId) {
        UUID id;
        try {
            id = UUID.fromString(statusId);
        } catch (IllegalArgumentException e) {
            throw TaxiiException.notFound("No status " + statusId + " for you.");
        }
        return statuses.find(member, id).orElseThrow(() -> TaxiiException.notFound("No status " + statusId + " for you."));
    }

    // ---- adding --------------------------------------------------------------------------------

    /**
     * POST objects/: reads the envelope as a stream (refusing it past {@code max_content_length}),
     * refuses objects marked above the TLP ceiling, stores the others through the knowledge store
     * with the collection's sharing, and records a status with each object's outcome.
     */
    public ObjectNode add(Member member, String collectionId, InputStream body) {
        Instant requested = clock.instant();
        Viewer viewer = viewers.of(member);
        TaxiiCollection collection = collections.find(member, viewer, collectionId);
        if (!collection.canWrite()) {
            throw new TaxiiException(HttpStatus.FORBIDDEN, "Forbidden", "You may not write to collection " + collectionId
                    + (collection.kind() == TaxiiCollection.Kind.EVERYTHING ? " (it is read-only: write to your organisation's or a community's collection)"
                    : " (viewers read; analysts and administrators of the organisation write)") + ".");
        }
        List<JsonNode> objects = readEnvelope(body);
        List<TaxiiStatuses.Detail> failures = new ArrayList<>();
        List<JsonNode> accepted = new ArrayList<>();
        List<Integer> positions = new ArrayList<>();
        for (int i = 0; i < objects.size(); i++) {
            JsonNode object = objects.get(i);
            Optional<String> refusal = aboveCeiling(object);
            if (!(object instanceof ObjectNode)) {
                failures.add(new TaxiiStatuses.Detail("/objects/" + i, "", "/objects/" + i + ": a STIX object must be a JSON object"));
            } else if (refusal.isPresent()) {
                failures.add(new TaxiiStatuses.Detail(object.path("id").asText(""), version(object), refusal.get()));
            } else {
                accepted.add(object);
                positions.add(i);
            }
        }
        List<TaxiiStatuses.Detail> successes = new ArrayList<>();
        if (!accepted.isEmpty()) {
            StoreOutcome outcome = store.store(member, accepted, "/objects", sharing(collection), true);
            for (StoreOutcome.ObjectResult result : outcome.results()) {
                JsonNode object = accepted.get(result.index());
                String id = result.id() == null ? object.path("id").asText("") : result.id();
                String version = result.modified() == null ? version(object) : result.modified();
                switch (result.status()) {
                    case CREATED -> successes.add(new TaxiiStatuses.Detail(id, version, "stored"));
                    case NEW_VERSION -> successes.add(new TaxiiStatuses.Detail(id, version, "stored as a new version"));
                    case UNCHANGED -> successes.add(new TaxiiStatuses.Detail(id, version, "already stored (same id and modified)"));
                    case REJECTED -> failures.add(new TaxiiStatuses.Detail(id, version, result.problems().stream()
                            .map(p -> renumbered(p.pointer(), result.index(), positions.get(result.index())) + ": " + p.message())
                            .collect(Collectors.joining("; "))));
                }
            }
        }
        ObjectNode status = statuses.record(member, collection.id(), requested, successes, failures);
        audit.record(AuditEvent.of("taxii.objects-added", "taxii-status", status.path("id").asText())
                .with("collection", collection.id().toString()).with("total", objects.size())
                .with("stored", successes.size()).with("refused", failures.size()));
        return status;
    }

    /** The knowledge store numbers problems in the list it was given; the client knows them by their place in its envelope. */
    private static String renumbered(String pointer, int given, int original) {
        String prefix = "/objects/" + given;
        return pointer.startsWith(prefix) ? "/objects/" + original + pointer.substring(prefix.length()) : pointer;
    }

    private SharingRequest sharing(TaxiiCollection collection) {
        return switch (collection.kind()) {
            case COMMUNITY -> new SharingRequest(lowest(Tlp.GREEN, settings.maxTlp()), null, Set.of(collection.id()), null, null);
            case ORGANISATION -> new SharingRequest(lowest(Tlp.AMBER, settings.maxTlp()), null, null, Set.of(collection.id()), null);
            case EVERYTHING -> throw new IllegalStateException("the everything collection is read-only");
        };
    }

    private static Tlp lowest(Tlp a, Tlp b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    private Optional<String> aboveCeiling(JsonNode object) {
        for (JsonNode ref : object.path("object_marking_refs")) {
            Optional<Tlp> tlp = Tlp.ofMarkingDefinition(ref.asText());
            if (tlp.isPresent() && !settings.serves(tlp.get())) {
                return Optional.of("marked " + tlp.get().label() + ", above what TAXII carries on this hub ("
                        + settings.maxTlp().label() + "): share it from the web interface, to named recipients");
            }
        }
        return Optional.empty();
    }

    private static String version(JsonNode object) {
        return object.path("modified").asText(object.path("created").asText(""));
    }

    private List<JsonNode> readEnvelope(InputStream body) {
        long max = settings.maxContentLength().toBytes();
        List<JsonNode> objects = new ArrayList<>();
        boolean sawObjects = false;
        try (JsonParser parser = json.getFactory().createParser(new BoundedInputStream(body, max))) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new TaxiiException(HttpStatus.BAD_REQUEST, "Not a TAXII envelope", "The body must be a JSON object with an 'objects' list.");
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                JsonToken value = parser.nextToken();
                if (field.equals("objects")) {
                    if (value != JsonToken.START_ARRAY) {
                        throw new TaxiiException(HttpStatus.BAD_REQUEST, "Not a TAXII envelope", "/objects: must be a list of STIX objects.");
                    }
                    sawObjects = true;
                    while (parser.nextToken() != JsonToken.END_ARRAY) {
                        objects.add(parser.readValueAsTree());
                    }
                } else {
                    parser.skipChildren(); // "more", "next": meaningless in a request
                }
            }
        } catch (BoundedInputStream.TooLarge e) {
            throw tooLarge(max);
        } catch (JsonProcessingException e) {
            if (e.getCause() instanceof BoundedInputStream.TooLarge) {
                throw tooLarge(max);
            }
            throw new TaxiiException(HttpStatus.BAD_REQUEST, "Not JSON", "The body is not valid JSON at line "
                    + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ": " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new TaxiiException(HttpStatus.BAD_REQUEST, "Unreadable body", "The body could not be read: " + e.getMessage());
        }
        if (!sawObjects || objects.isEmpty()) {
            throw new TaxiiException(HttpStatus.BAD_REQUEST, "No objects", "/objects: the envelope holds no STIX objects to add.");
        }
        return objects;
    }

    static TaxiiException tooLarge(long max) {
        return new TaxiiException(HttpStatus.PAYLOAD_TOO_LARGE, "Request too large",
                "The body is larger than this API root's max_content_length of " + max + " bytes ("
                        + PayloadTooLarge.readable(max) + "); send the objects in several requests.");
    }

    /** Stops reading past the limit, for bodies sent without a Content-Length (chunked). */
    static final class BoundedInputStream extends FilterInputStream {

        static final class TooLarge extends IOException {
            TooLarge() {
                super("body larger than max_content_length");
            }
        }

        private final long limit;
        private long read;

        BoundedInputStream(InputStream in, long limit) {
            super(in);
            this.limit = limit;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0 && ++read > limit) {
                throw new TooLarge();
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0 && (read += n) > limit) {
                throw new TooLarge();
            }
            return n;
        }
    }

    // ---- deleting ------------------------------------------------------------------------------

    /**
     * DELETE objects/{id}/: removes the selected versions (all by default) of an object the member's
     * organisation owns, from the whole store, and records it in the audit log. See README.
     */
    public void delete(Member member, String collectionId, String objectId, Map<String, String[]> parameters) {
        Viewer viewer = viewers.of(member);
        TaxiiCollection collection = collections.find(member, viewer, collectionId);
        checkedId(objectId);
        Map<String, String[]> filters = new java.util.HashMap<>(only(parameters, "match[version]", "match[spec_version]"));
        filters.put("limit", new String[] {String.valueOf(settings.maxLimit())});
        TaxiiQuery query = TaxiiQuery.parse(filters, settings);
        List<TaxiiRepository.Row> rows = repository.page(new TaxiiRepository.Listing(viewer, collection, settings.maxTlp(), query,
                "all", objectId, null, false));
        if (rows.isEmpty()) {
            throw TaxiiException.notFound("No object " + objectId + " (with those versions) in collection " + collectionId + " for you.");
        }
        if (!collection.canWrite() || rows.stream().anyMatch(r -> viewer.organisationId() == null || !viewer.organisationId().equals(r.owner()))) {
            throw new TaxiiException(HttpStatus.FORBIDDEN, "Forbidden",
                    "Only the organisation that owns " + objectId + " may delete it, from a collection it may write to.");
        }
        if (repository.heldElsewhere(objectId)) {
            throw new TaxiiException(HttpStatus.CONFLICT, "Held elsewhere", objectId
                    + " is a Vigie incident report or campaign: change or withdraw it from its page, not over TAXII.");
        }
        List<Instant> versions = rows.stream().map(TaxiiRepository.Row::modified).toList();
        transactions.executeWithoutResult(tx -> {
            List<Instant> deleted = repository.deleteVersions(objectId, versions);
            audit.record(AuditEvent.of("taxii.object-deleted", "stix-object", objectId)
                    .with("collection", collection.id().toString())
                    .with("versions", deleted.stream().map(TaxiiTimestamps::version).collect(Collectors.toCollection(LinkedHashSet::new)).stream().toList()));
        });
    }
}

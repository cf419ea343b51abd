package org.vigie.server.knowledge;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.vigie.core.accounts.Member;
import org.vigie.core.accounts.Permission;
import org.vigie.core.accounts.Permissions;
import org.vigie.core.sharing.Distribution;
import org.vigie.core.sharing.Pap;
import org.vigie.core.sharing.Sharing;
import org.vigie.core.sharing.Tlp;
import org.vigie.core.sharing.Viewer;
import org.vigie.core.sharing.VisibilityPolicy;
import org.vigie.server.accounts.Accounts;
import org.vigie.server.audit.AuditEvent;
import org.vigie.server.audit.AuditTrail;
import org.vigie.server.organisations.Organisations;
import org.vigie.server.sharing.Viewers;
import org.vigie.server.web.ForbiddenException;
import org.vigie.server.web.InvalidFieldException;
import org.vigie.server.web.NotFoundException;

/**
 * The knowledge store's one way in and its reads. Writing: validate against the STIX schemas,
 * settle the markings, check that the author's organisation may write the object, store, audit.
 * Reading: always as a {@link Viewer}, through the visibility policy; reads of AMBER+STRICT and RED
 * objects are audited.
 */
@Service
public class KnowledgeStore {

    /** Id of Vigie's "election context" extension-definition, for objects that carry election properties. */
    public static final String ELECTION_EXTENSION_ID = ReferencePublication.ELECTION_EXTENSION;

    /** Id of Vigie's "incident report" extension-definition (ADR 0006). */
    public static final String REPORT_EXTENSION_ID = ReferencePublication.REPORT_EXTENSION;

    /** Id of Vigie's "campaign" extension-definition: the incident reports a campaign groups. */
    public static final String CAMPAIGN_EXTENSION_ID = ReferencePublication.CAMPAIGN_EXTENSION;

    private final KnowledgeRepository repository;
    private final StixValidator validator;
    private final Viewers viewers;
    private final Organisations organisations;
    private final Accounts accounts;
    private final AuditTrail audit;
    private final TransactionTemplate transactions;
    private final Clock clock;

    KnowledgeStore(KnowledgeRepository repository, StixValidator validator, Viewers viewers, Organisations organisations,
                   Accounts accounts, AuditTrail audit, TransactionTemplate transactions, Clock clock) {
        this.repository = repository;
        this.validator = validator;
        this.viewers = viewers;
        this.organisations = organisations;
        this.accounts = accounts;
        this.audit = audit;
        this.transactions = transactions;
        this.clock = clock;
    }

    /**
     * Stores objects for the member's organisation. All or nothing unless {@code partial}: then the
     * valid objects are stored and the others reported.
     *
     * @param basePointer JSON pointer of the objects in the request ("" for one object, "/objects" for a bundle)
     */
    public StoreOutcome store(Member author, List<JsonNode> objects, String basePointer, SharingRequest request, boolean partial) {
        if (!Permissions.allows(author, Permission.KNOWLEDGE_SHARE)) {
            throw new ForbiddenException("Only analysts and administrators of an organisation share objects.");
        }
        Distribution distribution = checkedDistribution(author, request);
        List<Prepared> prepared = prepareAll(objects, basePointer, 0, request, new Sharing(author.organisationId(), Tlp.CLEAR, null, distribution));
        if (!partial && prepared.stream().anyMatch(p -> !p.problems().isEmpty())) {
            throw rejected(prepared.stream().filter(p -> !p.problems().isEmpty()).map(Prepared::result).toList(), prepared.size());
        }
        List<StoreOutcome.ObjectResult> results = writeInTransaction(author, prepared, partial);
        if (!partial && results.stream().anyMatch(r -> r.status() == StoreOutcome.Status.REJECTED)) {
            throw rejected(results.stream().filter(r -> r.status() == StoreOutcome.Status.REJECTED).toList(), results.size());
        }
        return new StoreOutcome(results);
    }

    /** Validation is CPU-bound and independent per object: it uses every core while the database waits. */
    private List<Prepared> prepareAll(List<JsonNode> objects, String basePointer, int firstIndex, SharingRequest request, Sharing defaults) {
        return java.util.stream.IntStream.range(0, objects.size()).parallel()
                .mapToObj(i -> prepare(firstIndex + i, basePointer.isEmpty() ? "" : basePointer + "/" + (firstIndex + i), objects.get(i),
                        request, defaults))
                .toList();
    }

    /** Writes in one transaction; unless {@code partial}, a refused object rolls the whole request back. */
    private List<StoreOutcome.ObjectResult> writeInTransaction(Member author, List<Prepared> prepared, boolean partial) {
        return writeInTransaction(author, prepared, partial, true);
    }

    /**
     * @param audited false when the caller records one entry for many batches at the end of its own
     *                transaction ({@link BulkImport.Session}): an audit append locks the chain's head until
     *                commit, and a long import must not hold it (every audited action would wait)
     */
    private List<StoreOutcome.ObjectResult> writeInTransaction(Member author, List<Prepared> prepared, boolean partial, boolean audited) {
        return transactions.execute(tx -> {
            List<StoreOutcome.ObjectResult> done = writeAll(author, prepared);
            if (!partial && done.stream().anyMatch(r -> r.status() == StoreOutcome.Status.REJECTED)) {
                tx.setRollbackOnly();
            } else if (audited) {
                recordStored(done);
            }
            return done;
        });
    }

    private static ObjectsRejectedException rejected(List<StoreOutcome.ObjectResult> refused, int total) {
        boolean forbidden = refused.stream().allMatch(r -> r.problems().stream().allMatch(p -> p.message().startsWith(NOT_OWNER)));
        return new ObjectsRejectedException(refused, total, forbidden);
    }

    /**
     * An import validated and marked, not yet written: lets a bulk import validate the next batch
     * while this one is written. For machine imports whose origin was authenticated elsewhere
     * (federation, benchmarks): same validation, markings, batching and audit as {@link #store}.
     */
    record PreparedImport(Member importer, List<Prepared> objects) {

        /** The i-th object as it would be stored (markings settled), or null if it is not a JSON object. */
        JsonNode object(int i) {
            return objects.get(i).object();
        }

        /** The objects refused by validation or marking, before anything is written. */
        List<StoreOutcome.ObjectResult> refused() {
            return objects.stream().filter(p -> !p.problems().isEmpty()).map(Prepared::result).toList();
        }
    }

    PreparedImport prepareImport(UUID organisation, UUID account, List<JsonNode> objects, SharingRequest request) {
        Member importer = new Member(account, "import", organisation, org.vigie.core.accounts.OrganisationRole.ANALYST, false);
        Distribution distribution = new Distribution(request.communities(), request.organisations(), request.users());
        return new PreparedImport(importer, prepareAll(objects, "/objects", 0, request, new Sharing(organisation, Tlp.CLEAR, null, distribution)));
    }

    StoreOutcome writeImport(PreparedImport batch) {
        return new StoreOutcome(writeInTransaction(batch.importer(), batch.objects(), true));
    }

    /**
     * The checks {@link #store} makes on a request, for an import that goes through batches: the
     * member may share, and the distribution names only communities their organisation is active in,
     * existing organisations and people. Throws (403, 400 naming the parameter) otherwise.
     */
    Distribution checkImporter(Member importer, SharingRequest request) {
        if (!Permissions.allows(importer, Permission.KNOWLEDGE_SHARE) || importer.organisationId() == null) {
            throw new ForbiddenException("Only analysts and administrators of an organisation import objects.");
        }
        return checkedDistribution(importer, request);
    }

    /** Validates and marks a batch of a checked importer's request; pointers and indexes count from {@code firstIndex}. */
    PreparedImport prepareImport(Member importer, Distribution distribution, List<JsonNode> objects, int firstIndex, SharingRequest request) {
        return new PreparedImport(importer, prepareAll(objects, "/objects", firstIndex, request,
                new Sharing(importer.organisationId(), Tlp.CLEAR, null, distribution)));
    }

    /** Writes a batch in the caller's transaction, refused objects reported; not audited (see {@link #recordStored(int, List)}). */
    StoreOutcome writeImportUnaudited(PreparedImport batch) {
        return new StoreOutcome(writeInTransaction(batch.importer(), batch.objects(), true, false));
    }

    /** One audit entry for an import's stored objects: how many, and the first 100. */
    void recordStored(long count, List<String> firstObjects) {
        if (count > 0) {
            audit.record(AuditEvent.of("knowledge.stored").with("count", count)
                    .with("objects", firstObjects.subList(0, Math.min(firstObjects.size(), 100))));
        }
    }

    /**
     * Publishes reference data (marking definitions, Vigie's extension definition, DISARM): visible
     * to everyone, owned by no organisation, stored once per version.
     */
    public int publishReference(List<JsonNode> objects) {
        Map<String, KnowledgeRepository.Head> heads = repository.heads(objects.stream()
                .map(o -> o.path("id").asText()).collect(Collectors.toSet()));
        List<JsonNode> unpublished = objects.stream()
                .filter(o -> !heads.containsKey(o.path("id").asText())
                        || !heads.get(o.path("id").asText()).modified().equals(timestamp(o, "modified", timestamp(o, "created", Instant.EPOCH))))
                .toList();
        if (unpublished.isEmpty()) {
            return 0; // every start after the first: nothing to validate
        }
        Integer stored = transactions.execute(tx -> {
            int count = 0;
            for (JsonNode object : unpublished) {
                Prepared prepared = prepare(0, "", object, new SharingRequest(Tlp.CLEAR, null, null, null, null), Sharing.reference());
                if (!prepared.problems().isEmpty()) {
                    throw new IllegalStateException("reference object " + prepared.id() + " is not valid STIX: " + prepared.problems());
                }
                if (!repository.versionExists(prepared.id(), prepared.modified())) {
                    boolean newest = repository.head(prepared.id()).map(h -> prepared.modified().isAfter(h.modified())).orElse(true);
                    repository.insert(prepared.version(Sharing.reference(), null), newest, clock.instant());
                    count++;
                }
            }
            if (count > 0) {
                audit.record(AuditEvent.of("knowledge.reference-published").with("objects", count));
            }
            return count;
        });
        return stored == null ? 0 : stored;
    }

    // ---- reading -------------------------------------------------------------------------------

    public StoredObject get(Member reader, String stixId, Optional<Instant> version) {
        Viewer viewer = viewers.of(reader);
        StoredObject found = (version.isPresent()
                ? repository.visibleVersion(viewer, stixId, version.get())
                : repository.latestVisible(viewer, stixId))
                .orElseThrow(() -> new NotFoundException("object", stixId));
        auditRestrictedReads(List.of(found), "knowledge.read");
        return found;
    }

    public List<StoredObject> versions(Member reader, String stixId) {
        List<StoredObject> versions = repository.visibleVersions(viewers.of(reader), stixId);
        if (versions.isEmpty()) {
            throw new NotFoundException("object", stixId);
        }
        return versions; // a list of versions is not a read of their content: reading one is audited by get()
    }

    /** One page of the latest versions the member may see; {@code more} tells whether another page follows. */
    public record Page(List<StoredObject> objects, int page, int size, boolean more) {
    }

    public Page search(Member reader, String type, String text, UUID owner, int page, int size) {
        int limit = Math.max(1, Math.min(size, 1000));
        int number = Math.max(1, page);
        List<StoredObject> rows = repository.search(viewers.of(reader), new KnowledgeRepository.Query(type, text, owner),
                (number - 1) * limit, limit + 1);
        boolean more = rows.size() > limit;
        List<StoredObject> shown = more ? rows.subList(0, limit) : rows;
        auditRestrictedReads(shown, "knowledge.listed");
        return new Page(List.copyOf(shown), number, limit, more);
    }

    /** The notes about an object that the member may see (each note has its own marking), oldest first. */
    public List<StoredObject> notesAbout(Member reader, String stixId) {
        List<StoredObject> notes = repository.notesAbout(viewers.of(reader), stixId);
        auditRestrictedReads(notes, "knowledge.listed");
        return notes;
    }

    // ---- reading for exports ---------------------------------------------------------------------
    // Exports read many pages; the exporter audits what it wrote (restricted objects included) in its
    // own events, so these reads do not audit each page. Every one applies the visibility policy.

    /**
     * What an export selects among the latest versions; null or blank means "any".
     *
     * @param community objects shared into this community (its id in their distribution)
     */
    public record Selection(String type, String text, UUID owner, UUID community) {
    }

    /** One keyset page (id order, after {@code afterId}, null for the first) of the latest versions the viewer may see. */
    public List<StoredObject> visibleAfter(Viewer viewer, Selection selection, String afterId, int limit) {
        return repository.visibleAfter(viewer, selection, afterId, Math.max(1, Math.min(limit, 5000)));
    }

    /** The latest versions of these objects that the viewer may see (the others are absent), in id order. */
    public List<StoredObject> latestVisible(Viewer viewer, java.util.Collection<String> stixIds) {
        return repository.latestVisible(viewer, stixIds);
    }

    /**
     * Which of these objects the viewer may see, by id only: for lists that show something else about
     * them (the notification centre, the bell) and must not pay for reading their content.
     */
    public java.util.Set<String> visibleIds(Viewer viewer, java.util.Collection<String> stixIds) {
        return repository.latestVisibleIds(viewer, stixIds);
    }

    /** Every version of these objects that the viewer may see, in id order, oldest version first. */
    public List<StoredObject> visibleVersions(Viewer viewer, java.util.Collection<String> stixIds) {
        return repository.visibleVersions(viewer, stixIds);
    }

    /** The latest notes about any of these objects that the viewer may see (each note by its own marking). */
    public List<StoredObject> notesAboutAny(Viewer viewer, java.util.Collection<String> stixIds) {
        return repository.notesAboutAny(viewer, stixIds);
    }

    /**
     * The newest stored version and owner of those objects that exist: for steps that index what a
     * writer just stored (in its transaction), never to show anything to a reader.
     */
    public Map<String, Latest> latestVersions(java.util.Collection<String> stixIds) {
        Map<String, Latest> latest = new HashMap<>();
        repository.heads(stixIds).forEach((id, head) -> latest.put(id, new Latest(head.modified(), head.owner())));
        return latest;
    }

    /** An object's newest stored version and its owner organisation (null for reference data). */
    public record Latest(Instant modified, UUID owner) {
    }

    /** The latest reference attack-patterns (DISARM's) the viewer may see carrying one of these external ids under one of these source names. */
    public List<StoredObject> attackPatterns(Viewer viewer, java.util.Collection<String> sourceNames, java.util.Collection<String> externalIds) {
        return repository.attackPatternsByExternalId(viewer, sourceNames, externalIds);
    }

    private void auditRestrictedReads(List<StoredObject> read, String action) {
        List<String> restricted = read.stream()
                .filter(o -> VisibilityPolicy.readIsAudited(o.sharing().tlp()))
                .map(o -> o.stixId() + " (" + o.sharing().tlp().label() + ")")
                .toList();
        if (!restricted.isEmpty()) {
            audit.record(AuditEvent.of(action).with("count", restricted.size())
                    .with("objects", restricted.subList(0, Math.min(restricted.size(), 100))));
        }
    }

    // ---- writing -------------------------------------------------------------------------------

    static final String NOT_OWNER = "only the owning organisation may add versions of this object";

    private record Prepared(int index, String pointer, String id, String type, Instant created, Instant modified,
                            String modifiedText, Sharing sharing, ObjectNode object, List<StoreOutcome.Problem> problems) {

        StoreOutcome.ObjectResult result() {
            return new StoreOutcome.ObjectResult(index, id, modifiedText, StoreOutcome.Status.REJECTED, problems);
        }

        KnowledgeRepository.NewVersion version(Sharing effective, UUID addedBy) {
            return new KnowledgeRepository.NewVersion(id, type, object.path("spec_version").asText("2.1"), created, modified,
                    object.path("created_by_ref").isTextual() ? object.get("created_by_ref").asText() : null,
                    object.path("revoked").asBoolean(false), effective, object, addedBy);
        }
    }

    private Prepared prepare(int index, String pointer, JsonNode given, SharingRequest request, Sharing defaults) {
        List<StoreOutcome.Problem> problems = new ArrayList<>();
        if (!(given instanceof ObjectNode object)) {
            return new Prepared(index, pointer, null, null, null, null, null, null, null,
                    List.of(new StoreOutcome.Problem(pointer.isEmpty() ? "/" : pointer, "a STIX object must be a JSON object")));
        }
        String id = object.path("id").asText(null);
        for (StixValidator.Violation violation : validator.validate(object)) {
            problems.add(new StoreOutcome.Problem(pointer + violation.pointer(), violation.message()));
        }
        Instant created = timestamp(object, "created", Instant.EPOCH);
        Instant modified = timestamp(object, "modified", created);
        String modifiedText = object.path("modified").asText(object.path("created").asText(null));
        Sharing sharing = problems.isEmpty() ? settleMarkings(object, pointer, request, defaults, problems) : null;
        return new Prepared(index, pointer, id, object.path("type").asText(), created, modified, modifiedText, sharing, object,
                List.copyOf(problems));
    }

    /**
     * One TLP marking per object: the object's own, else the request's. TLP 1.0 markings are
     * rewritten as TLP 2.0; PAP likewise. The stored object then carries its markings in
     * {@code object_marking_refs}, so they travel with it.
     */
    private static Sharing settleMarkings(ObjectNode object, String pointer, SharingRequest request, Sharing defaults,
                                          List<StoreOutcome.Problem> problems) {
        List<String> refs = new ArrayList<>();
        object.path("object_marking_refs").forEach(ref -> refs.add(ref.asText()));
        List<Tlp> tlps = refs.stream().map(Tlp::ofMarkingDefinition).flatMap(Optional::stream).distinct().toList();
        List<Pap> paps = refs.stream().map(Pap::ofMarkingDefinition).flatMap(Optional::stream).distinct().toList();
        boolean isMarking = "marking-definition".equals(object.path("type").asText());
        if (tlps.size() > 1) {
            problems.add(new StoreOutcome.Problem(pointer + "/object_marking_refs",
                    "carries " + tlps.size() + " TLP markings; exactly one is allowed"));
            return null;
        }
        if (paps.size() > 1) {
            problems.add(new StoreOutcome.Problem(pointer + "/object_marking_refs", "carries more than one PAP marking"));
            return null;
        }
        Tlp tlp = !tlps.isEmpty() ? tlps.get(0) : request.tlp() != null ? request.tlp() : isMarking ? Tlp.CLEAR : null;
        if (tlp == null) {
            problems.add(new StoreOutcome.Problem(pointer + "/object_marking_refs",
                    "has no TLP marking: mark the object, or give ?tlp=CLEAR|GREEN|AMBER|AMBER_STRICT|RED"));
            return null;
        }
        Pap pap = !paps.isEmpty() ? paps.get(0) : request.pap();
        if (!isMarking) {
            ArrayNode normalised = object.putArray("object_marking_refs");
            normalised.add(tlp.markingDefinitionId());
            if (pap != null) {
                normalised.add(pap.markingDefinitionId());
            }
            refs.stream().filter(r -> Tlp.ofMarkingDefinition(r).isEmpty() && Pap.ofMarkingDefinition(r).isEmpty())
                    .forEach(normalised::add);
        }
        return new Sharing(defaults.ownerOrganisation(), tlp, pap, defaults.distribution());
    }

    /**
     * Writes in request order. First versions of objects not stored yet go in batches (the bulk of
     * any import); anything touching an existing object flushes the batch first, so that a request
     * holding several versions of one object sees its own earlier versions.
     */
    private List<StoreOutcome.ObjectResult> writeAll(Member author, List<Prepared> prepared) {
        Map<String, KnowledgeRepository.Head> heads = new HashMap<>(repository.heads(
                prepared.stream().filter(p -> p.problems().isEmpty()).map(Prepared::id).collect(Collectors.toSet())));
        // the versions already stored of the objects that exist, in one query: a re-import is mostly "unchanged"
        Set<String> storedVersions = heads.isEmpty() ? Set.of() : repository.versions(heads.keySet());
        List<KnowledgeRepository.NewVersion> batch = new ArrayList<>();
        List<StoreOutcome.ObjectResult> done = new ArrayList<>();
        Instant now = clock.instant();
        for (Prepared object : prepared) {
            KnowledgeRepository.Head head = heads.get(object.id());
            if (!object.problems().isEmpty()) {
                done.add(object.result());
            } else if (head == null) {
                batch.add(object.version(object.sharing(), author.accountId()));
                heads.put(object.id(), new KnowledgeRepository.Head(object.modified(), author.organisationId()));
                done.add(new StoreOutcome.ObjectResult(object.index(), object.id(), object.modifiedText(), StoreOutcome.Status.CREATED, List.of()));
                if (batch.size() == BATCH) {
                    flush(batch, now);
                }
            } else if (storedVersions.contains(KnowledgeRepository.versionKey(object.id(), object.modified()))
                    && (head.owner() == null || head.owner().equals(author.organisationId()))) {
                // the same id and modified: the same object (STIX), stored once; reference data included
                done.add(new StoreOutcome.ObjectResult(object.index(), object.id(), object.modifiedText(), StoreOutcome.Status.UNCHANGED, List.of()));
            } else {
                flush(batch, now); // an earlier version of this object may still be in the batch
                StoreOutcome.ObjectResult result = write(author, object, head, now);
                if (result.status() == StoreOutcome.Status.NEW_VERSION && object.modified().isAfter(head.modified())) {
                    heads.put(object.id(), new KnowledgeRepository.Head(object.modified(), head.owner()));
                }
                done.add(result);
            }
        }
        flush(batch, now);
        return done;
    }

    private static final int BATCH = 500;

    private void flush(List<KnowledgeRepository.NewVersion> batch, Instant now) {
        repository.insertFirstVersions(batch, now);
        batch.clear();
    }

    /** Another version of an object that is already stored. */
    private StoreOutcome.ObjectResult write(Member author, Prepared object, KnowledgeRepository.Head head, Instant now) {
        // A version already stored is unchanged whoever sends it again: a peer hub echoing back what
        // it received, or the reference objects (marking definitions, DISARM) every hub publishes.
        if (repository.versionExists(object.id(), object.modified())) {
            return new StoreOutcome.ObjectResult(object.index(), object.id(), object.modifiedText(), StoreOutcome.Status.UNCHANGED, List.of());
        }
        if (!author.organisationId().equals(head.owner())) {
            return new StoreOutcome.ObjectResult(object.index(), object.id(), object.modifiedText(), StoreOutcome.Status.REJECTED,
                    List.of(new StoreOutcome.Problem(object.pointer() + "/id",
                            NOT_OWNER + "; anyone who can read it may propose a correction as a STIX note")));
        }
        boolean newest = object.modified().isAfter(head.modified());
        Sharing effective = newest ? object.sharing() : repository.sharingOf(object.id()).orElse(object.sharing());
        repository.insert(object.version(effective, author.accountId()), newest, now);
        return new StoreOutcome.ObjectResult(object.index(), object.id(), object.modifiedText(), StoreOutcome.Status.NEW_VERSION, List.of());
    }

    private void recordStored(List<StoreOutcome.ObjectResult> results) {
        List<String> stored = results.stream()
                .filter(r -> r.status() == StoreOutcome.Status.CREATED || r.status() == StoreOutcome.Status.NEW_VERSION)
                .map(r -> r.id() + "@" + r.modified())
                .toList();
        if (!stored.isEmpty()) {
            audit.record(AuditEvent.of("knowledge.stored").with("count", stored.size())
                    .with("objects", stored.subList(0, Math.min(stored.size(), 100))));
        }
    }

    /** A distribution may name only communities the author's organisation is active in, and existing organisations and people. */
    private Distribution checkedDistribution(Member author, SharingRequest request) {
        Viewer self = viewers.of(author);
        for (UUID community : request.communities()) {
            if (!self.activeCommunities().contains(community)) {
                throw new InvalidFieldException("community", "knowledge.community.notMember",
                        "Your organisation is not an active member of community " + community
                                + " (a member that has accepted its charter), so it cannot share there.");
            }
        }
        for (UUID organisation : request.organisations()) {
            if (organisations.find(organisation).isEmpty()) {
                throw new InvalidFieldException("organisation", "knowledge.organisation.unknown", "No organisation with id " + organisation + ".");
            }
        }
        for (UUID user : request.users()) {
            if (!accounts.exists(user)) {
                throw new InvalidFieldException("user", "knowledge.user.unknown", "No account with id " + user + ".");
            }
        }
        return new Distribution(request.communities(), request.organisations(), request.users());
    }

    private static Instant timestamp(JsonNode object, String field, Instant fallback) {
        JsonNode value = object.get(field);
        if (value == null || !value.isTextual()) {
            return fallback;
        }
        try {
            return Instant.parse(value.asText());
        } catch (DateTimeParseException e) {
            return fallback; // the schema check reports the malformed timestamp with its pointer
        }
    }
}

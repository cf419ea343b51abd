package org.vigie.server.reports;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.vigie.core.accounts.Member;
import org.vigie.core.alerts.ReportFacts;
import org.vigie.core.observables.Observable;
import org.vigie.core.observables.ObservableNormaliser;
import org.vigie.core.observables.ObservableType;
import org.vigie.server.alerts.AlertOutbox;
import org.vigie.core.accounts.Permission;
import org.vigie.core.accounts.Permissions;
import org.vigie.core.sharing.Sharing;
import org.vigie.core.sharing.Tlp;
import org.vigie.core.sharing.Viewer;
import org.vigie.server.audit.AuditEvent;
import org.vigie.server.audit.AuditTrail;
import org.vigie.server.knowledge.KnowledgeStore;
import org.vigie.server.knowledge.SharingRequest;
import org.vigie.server.knowledge.StoredObject;
import org.vigie.server.sharing.Viewers;
import org.vigie.server.web.ForbiddenException;
import org.vigie.server.web.InvalidFieldException;
import org.vigie.server.web.NotFoundException;

/**
 * Filing, editing, revoking and reading incident reports. A report is written through the
 * knowledge store (validation, markings, policy, audit) and, in the same transaction, its row and
 * correlation keys beside it; it is read through the store's policy (ADR 0006).
 */
@Service
public class Reports {

    private final KnowledgeStore store;
    private final ReportStix stix;
    private final ReportRules rules;
    private final ReportRepository repository;
    private final Correlations correlations;
    private final Viewers viewers;
    private final AuditTrail audit;
    private final TransactionTemplate transactions;
    private final ObjectMapper json;
    private final Clock clock;
    private final AlertOutbox alerts;
    private final VictimNotices victims;

    Reports(KnowledgeStore store, ReportStix stix, ReportRules rules, ReportRepository repository, Correlations correlations,
            Viewers viewers, AuditTrail audit, TransactionTemplate transactions, ObjectMapper json, Clock clock, AlertOutbox alerts,
            VictimNotices victims) {
        this.store = store;
        this.stix = stix;
        this.rules = rules;
        this.repository = repository;
        this.correlations = correlations;
        this.viewers = viewers;
        this.audit = audit;
        this.transactions = transactions;
        this.json = json;
        this.clock = clock;
        this.alerts = alerts;
        this.victims = victims;
    }

    /** A suspected actor or a narrative to create with the report, under the report's sharing. */
    public record NewActor(String name, String type, String description) {
    }

    public record NewNarrative(String name, String description) {
    }

    /** Files a new report; new actors and narratives are created with it, in one transaction. */
    public Report file(Member author, ReportDraft draft, List<NewActor> newActors, List<NewNarrative> newNarratives,
                       SharingRequest sharing) {
        ensureMayReport(author);
        if (sharing.tlp() == null) {
            throw new InvalidFieldException("tlp", "reports.tlp.required", "Choose a TLP marking for the report.");
        }
        Instant now = ReportStix.stixTime(clock.instant());
        List<JsonNode> companions = new ArrayList<>();
        List<String> actorRefs = new ArrayList<>(draft.actorRefs());
        List<String> narrativeRefs = new ArrayList<>(draft.narrativeRefs());
        for (NewActor actor : newActors == null ? List.<NewActor>of() : newActors) {
            ObjectNode created = companion(actor.type() != null && actor.type().equals("intrusion-set") ? "intrusion-set" : "threat-actor",
                    actor.name(), actor.description(), now);
            companions.add(created);
            actorRefs.add(created.get("id").asText());
        }
        for (NewNarrative narrative : newNarratives == null ? List.<NewNarrative>of() : newNarratives) {
            ObjectNode created = companion("x-vigie-narrative", narrative.name(), narrative.description(), now);
            companions.add(created);
            narrativeRefs.add(created.get("id").asText());
        }
        ReportDraft complete = withRefs(draft, actorRefs, narrativeRefs);
        rules.check(author, complete, companions.stream().map(c -> c.get("id").asText()).toList());
        String id = ReportStix.newId();
        ObjectNode incident = stix.toIncident(id, now, now, false, complete);
        return transactions.execute(tx -> {
            List<JsonNode> objects = new ArrayList<>(companions);
            objects.add(incident);
            // notifying a target shares the report with it (ADR 0008): the version is stored with it in its distribution
            VictimNotices.Plan victimPlan = victims.plan(null, author.organisationId(), complete, sharing.tlp(), false);
            store.store(author, objects, "/objects", VictimNotices.widen(sharing, victimPlan), false);
            repository.save(id, now, now, author.organisationId(), false, complete);
            correlations.index(id, complete, false);
            notify(id, now, false, complete);
            victims.apply(author, id, now, complete, victimPlan);
            audit.record(AuditEvent.of("report.filed", "report", id).with("title", complete.title())
                    .with("tlp", sharing.tlp().name()).with("observables", complete.observables().size()));
            return new Report(id, now, now, true, false, null, complete);
        });
    }

    /** What an import of a report from another tool did: stored a first version, a newer one, or nothing. */
    public enum ImportStatus { CREATED, NEW_VERSION, UNCHANGED }

    public record Imported(Report report, ImportStatus status) {
    }

    /**
     * Stores a report that another tool (MISP) holds under its own id and version: the caller derives
     * the incident {@code id} and {@code modified} from the source, so that importing the same
     * version again stores nothing and a newer version of the source becomes a new version of the same
     * report. Companion objects (actors, indicators, relationships, notes) are stored with the report's
     * sharing in the same transaction; they carry their own deterministic ids and versions.
     * A source version not newer than the stored report is left alone (the report may have been edited
     * in Vigie since).
     */
    public Imported fileImported(Member author, String id, Instant created, Instant modified, ReportDraft draft, List<JsonNode> companions,
                                 SharingRequest sharing, String source) {
        ensureMayReport(author);
        if (sharing.tlp() == null) {
            throw new InvalidFieldException("tlp", "reports.tlp.required", "Choose a TLP marking for the report.");
        }
        Instant version = ReportStix.stixTime(modified);
        Optional<Report> current = find(author, id);
        if (current.isPresent()) {
            ensureOwner(author, current.get());
            if (!version.isAfter(current.get().modified())) {
                return new Imported(current.get(), ImportStatus.UNCHANGED);
            }
        }
        Instant first = ReportStix.stixTime(current.map(Report::created).orElse(created.isAfter(version) ? version : created));
        List<String> companionIds = companions.stream().map(c -> c.path("id").asText()).toList();
        rules.check(author, draft, companionIds);
        // a report revoked in Vigie stays revoked: a newer version at the source does not undo the owner's decision
        boolean revoked = current.map(Report::revoked).orElse(false);
        ObjectNode incident = stix.toIncident(id, first, version, revoked, draft);
        return transactions.execute(tx -> {
            if (current.isPresent() && !repository.lockModified(id).equals(current.get().modified())) {
                throw conflict(get(author, id), draft);
            }
            List<JsonNode> objects = new ArrayList<>(companions);
            objects.add(incident);
            VictimNotices.Plan victimPlan = victims.plan(current.isPresent() ? id : null, author.organisationId(), draft, sharing.tlp(), revoked);
            store.store(author, objects, "/objects", VictimNotices.widen(sharing, victimPlan), false);
            repository.save(id, first, version, author.organisationId(), revoked, draft);
            correlations.index(id, draft, revoked);
            notify(id, version, revoked, draft);
            victims.apply(author, id, version, draft, victimPlan);
            audit.record(AuditEvent.of(current.isPresent() ? "report.import-updated" : "report.imported", "report", id)
                    .with("source", source).with("version", version.toString()).with("tlp", sharing.tlp().name())
                    .with("observables", draft.observables().size()).with("companions", companions.size()));
            return new Imported(new Report(id, first, version, true, revoked, null, draft),
                    current.isPresent() ? ImportStatus.NEW_VERSION : ImportStatus.CREATED);
        });
    }

    private Optional<Report> find(Member reader, String id) {
        try {
            return Optional.of(get(reader, id));
        } catch (NotFoundException e) {
            return Optional.empty();
        }
    }

    private ObjectNode companion(String type, String name, String description, Instant now) {
        ObjectNode object = json.createObjectNode();
        object.put("type", type);
        object.put("spec_version", "2.1");
        object.put("id", type + "--" + UUID.randomUUID());
        object.put("created", ReportStix.timestamp(now));
        object.put("modified", ReportStix.timestamp(now));
        object.put("name", name == null ? "" : name.strip());
        if (description != null && !description.isBlank()) {
            object.put("description", description.strip());
        }
        return object;
    }

    private static ReportDraft withRefs(ReportDraft d, List<String> actors, List<String> narratives) {
        return new ReportDraft(d.title(), d.summary(), d.firstSeen(), d.lastSeen(), d.electionId(), d.phase(), d.types(), d.outcome(),
                d.targets(), d.disarmTechniques(), d.attackTechniques(), actors, narratives, d.viginum(), d.confidence(), d.admiralty(),
                d.observables(), d.evidence());
    }

    /**
     * Stores a new version of the report. {@code baseModified} is the version the editor started
     * from: if someone has stored a newer one since, nothing is stored and the conflict carries both.
     */
    public Report edit(Member editor, String id, Instant baseModified, ReportDraft draft) {
        Report current = get(editor, id);
        ensureOwner(editor, current);
        if (baseModified == null) {
            throw new InvalidFieldException("baseModified", "reports.base.required",
                    "Give baseModified: the modified timestamp of the version you edited (now " + current.modified() + ").");
        }
        if (!current.modified().equals(ReportStix.stixTime(baseModified))) {
            throw conflict(current, draft);
        }
        rules.check(editor, draft, List.of());
        return writeVersion(editor, current, draft, current.revoked(), request(current.sharing()), "report.edited");
    }

    ReportConflictException conflict(Report current, ReportDraft proposed) {
        return new ReportConflictException(current, proposed, stix.toIncident(current.id(), current.created(), current.modified(),
                current.revoked(), current.content()), stix.toIncident(current.id(), current.created(), current.modified(), false, proposed));
    }

    /** Marks the report revoked (a STIX version with {@code revoked: true}); it stops correlating. */
    public Report revoke(Member editor, String id) {
        Report current = get(editor, id);
        ensureOwner(editor, current);
        if (current.revoked()) {
            return current;
        }
        return writeVersion(editor, current, current.content(), true, request(current.sharing()), "report.revoked");
    }

    /**
     * Shares the report more widely: a lower TLP level, more communities, organisations or people.
     * Narrowing is refused: what was shared cannot be unshared by relabelling it.
     */
    public Report widen(Member editor, String id, SharingRequest wider) {
        Report current = get(editor, id);
        ensureOwner(editor, current);
        Sharing now = current.sharing();
        Tlp tlp = wider.tlp() == null ? now.tlp() : wider.tlp();
        if (tlp.ordinal() > now.tlp().ordinal()) {
            throw new InvalidFieldException("tlp", "reports.widen.narrower",
                    "TLP:" + tlp.label() + " is narrower than the report's TLP:" + now.tlp().label() + "; sharing can only be widened.");
        }
        java.util.Set<UUID> communities = union(now.distribution().communities(), wider.communities());
        java.util.Set<UUID> organisations = union(now.distribution().organisations(), wider.organisations());
        java.util.Set<UUID> users = union(now.distribution().users(), wider.users());
        SharingRequest request = new SharingRequest(tlp, wider.pap() == null ? now.pap() : wider.pap(), communities, organisations, users);
        return writeVersion(editor, current, current.content(), current.revoked(), request, "report.shared-wider");
    }

    private static java.util.Set<UUID> union(java.util.Set<UUID> a, java.util.Set<UUID> b) {
        java.util.Set<UUID> all = new java.util.LinkedHashSet<>(a);
        all.addAll(b);
        return all;
    }

    private Report writeVersion(Member editor, Report current, ReportDraft draft, boolean revoked, SharingRequest sharing, String action) {
        return writeVersion(editor, current, draft, revoked, sharing, action, null);
    }

    /**
     * Shares the report with a target organisation whose victim notice was withheld, and notifies it:
     * a reviewer overturned the withholding ({@link VictimReviews}). The reviewer may be a platform
     * administrator, who belongs to no organisation and may not even read the report: the version is
     * written on behalf of the owning organisation (the audit names the reviewer), as a widening of
     * its distribution and nothing else. Joins the caller's transaction.
     */
    Report shareWithTarget(Member reviewer, String id, UUID owner, UUID target) {
        Member onBehalf = new Member(reviewer.accountId(), reviewer.username(), owner, org.vigie.core.accounts.OrganisationRole.ANALYST,
                false);
        Report current = get(onBehalf, id);
        return writeVersion(onBehalf, current, current.content(), current.revoked(), request(current.sharing()), "report.shared-with-target",
                target);
    }

    private Report writeVersion(Member editor, Report current, ReportDraft draft, boolean revoked, SharingRequest sharing, String action,
                                UUID overturned) {
        Instant now = ReportStix.stixTime(clock.instant());
        Instant modified = now.isAfter(current.modified()) ? now : current.modified().plusMillis(1);
        ObjectNode incident = stix.toIncident(current.id(), current.created(), modified, revoked, draft);
        incident.remove("object_marking_refs"); // the request's markings apply
        return transactions.execute(tx -> {
            // the head is re-read under the transaction: two editors from the same base cannot both win
            if (!repository.lockModified(current.id()).equals(current.modified())) {
                throw conflict(get(editor, current.id()), draft);
            }
            VictimNotices.Plan victimPlan = overturned != null ? victims.overturn(overturned, sharing.tlp())
                    : victims.plan(current.id(), current.sharing().ownerOrganisation(), draft, sharing.tlp(), revoked);
            store.store(editor, List.of(incident), "", VictimNotices.widen(sharing, victimPlan), false);
            repository.save(current.id(), current.created(), modified, current.sharing().ownerOrganisation(), revoked, draft);
            correlations.index(current.id(), draft, revoked);
            notify(current.id(), modified, revoked, draft);
            victims.apply(editor, current.id(), modified, draft, victimPlan);
            audit.record(AuditEvent.of(action, "report", current.id()).with("version", modified.toString()));
            return new Report(current.id(), current.created(), modified, true, revoked, null, draft);
        });
    }

    private static SharingRequest request(Sharing sharing) {
        return new SharingRequest(sharing.tlp(), sharing.pap(), sharing.distribution().communities(),
                sharing.distribution().organisations(), sharing.distribution().users());
    }

    // ---- incidents stored by other paths -------------------------------------------------------

    /**
     * Makes reports of incidents the knowledge store has just stored by another path than the report
     * form — a STIX import, a TAXII POST, a federation pull, a MISP import — so that a report exported
     * by one Vigie and imported into another is listed, searched and correlated there. Call it in the
     * transaction that stored them, with the objects as stored (markings settled). Objects that are not
     * incidents carrying Vigie's incident-report extension are ignored, and so is a version that is not
     * the object's newest stored version (an older version imported late changes nothing); the newest
     * writes the report's row and correlation keys as filing does (a revoked one stops correlating).
     * Not audited here: the caller's import is.
     *
     * @return how many reports were written (created or updated)
     */
    public int indexStoredIncidents(java.util.Collection<? extends JsonNode> storedObjects) {
        java.util.Map<String, JsonNode> incidents = new java.util.LinkedHashMap<>();
        for (JsonNode object : storedObjects) {
            if (object != null && "incident".equals(object.path("type").asText())
                    && object.path("extensions").has(ReportStix.REPORT)) {
                incidents.put(object.path("id").asText(), object);
            }
        }
        if (incidents.isEmpty()) {
            return 0;
        }
        java.util.Map<String, ReportRepository.Head> heads = repository.heads(incidents.keySet());
        int indexed = 0;
        List<AlertOutbox.StoredReport> toNotify = new ArrayList<>();
        for (JsonNode incident : incidents.values()) {
            ReportRepository.Head head = heads.get(incident.path("id").asText());
            Instant modified = instant(incident.path("modified").asText(null));
            if (head == null || head.owner() == null || modified == null
                    || !head.modified().equals(modified.truncatedTo(java.time.temporal.ChronoUnit.MICROS))) {
                continue; // not the newest version, or not stored (refused)
            }
            Instant created = instant(incident.path("created").asText(null));
            boolean revoked = incident.path("revoked").asBoolean(false);
            ReportDraft draft = stix.fromIncident(incident);
            repository.save(head.id(), created == null ? modified : created, head.modified(), head.owner(), revoked, draft);
            correlations.index(head.id(), draft, revoked);
            if (!revoked) {
                toNotify.add(new AlertOutbox.StoredReport(facts(head.id(), draft), head.modified()));
            }
            indexed++;
        }
        alerts.reportsStored(toNotify); // once per batch: the subscriptions are read once
        return indexed;
    }

    /**
     * The last step of storing a report version: queue its alerts in the same transaction, so that
     * the report and its notifications commit together. A revocation alerts nobody.
     */
    private void notify(String id, Instant modified, boolean revoked, ReportDraft draft) {
        if (!revoked) {
            alerts.reportStored(facts(id, draft), modified);
        }
    }

    /** What alerting matches on; communities come from the stored sharing, in the outbox. */
    static ReportFacts facts(String id, ReportDraft draft) {
        List<Observable> observables = new ArrayList<>();
        for (ReportObservable o : draft.observables()) {
            try {
                // the normalised form reads back as itself, and gives the platform or algorithm the value needs
                observables.add(ObservableNormaliser.normalise(ObservableType.fromKey(o.type()), o.normalised()));
            } catch (RuntimeException unreadable) {
                // an observable the current rules no longer read cannot match a watch list; the report still alerts
            }
        }
        return new ReportFacts(id, draft.electionId(), draft.phase(), draft.types(),
                draft.targets().stream().map(Target::category).filter(java.util.Objects::nonNull).collect(java.util.stream.Collectors.toSet()),
                draft.targets().stream().map(Target::organisationId).filter(java.util.Objects::nonNull).collect(java.util.stream.Collectors.toSet()),
                java.util.Set.copyOf(draft.disarmTechniques()), draft.confidence(), java.util.Set.of(), observables, draft.title(),
                draft.summary());
    }

    private static Instant instant(String text) {
        try {
            return text == null ? null : Instant.parse(text);
        } catch (java.time.format.DateTimeParseException e) {
            return null;
        }
    }

    // ---- reading -------------------------------------------------------------------------------

    /** The newest version of a report the member may see; 404 otherwise (also when it is not a report). */
    public Report get(Member reader, String id) {
        return report(reader, id, Optional.empty());
    }

    public Report version(Member reader, String id, Instant modified) {
        return report(reader, id, Optional.of(modified));
    }

    private Report report(Member reader, String id, Optional<Instant> version) {
        if (id == null || !id.startsWith("incident--")) {
            throw new NotFoundException("report", id);
        }
        return of(store.get(reader, id, version));
    }

    private Report of(StoredObject stored) {
        JsonNode incident = stored.object();
        return new Report(stored.stixId(), Instant.parse(incident.path("created").asText()), stored.modified(), stored.latest(),
                incident.path("revoked").asBoolean(false), stored.sharing(), stix.fromIncident(incident));
    }

    /** Every version the member may see, newest first, each with what changed from the one before. */
    public List<ReportVersion> history(Member reader, String id) {
        if (id == null || !id.startsWith("incident--")) {
            throw new NotFoundException("report", id);
        }
        List<Report> versions = store.versions(reader, id).stream().map(this::of).toList();
        List<ReportVersion> history = new ArrayList<>();
        for (int i = 0; i < versions.size(); i++) {
            Report version = versions.get(i);
            Report older = i + 1 < versions.size() ? versions.get(i + 1) : null;
            history.add(new ReportVersion(version.modified(), version.latest(), version.revoked(),
                    older == null ? List.of() : ReportDiff.between(older, version)));
        }
        return history;
    }

    /** One page of reports the member may see. */
    public record Page(List<ReportRow> rows, int page, int size, boolean more) {
    }

    public Page search(Member reader, ReportFilter filter, int page, int size) {
        int limit = Math.max(1, Math.min(size, 500));
        int number = Math.max(1, page);
        List<ReportRow> rows = repository.search(viewers.of(reader), filter, (number - 1) * limit, limit + 1);
        boolean more = rows.size() > limit;
        List<ReportRow> shown = List.copyOf(more ? rows.subList(0, limit) : rows);
        auditRestrictedListing(shown);
        return new Page(shown, number, limit, more);
    }

    /** As for any object: listing AMBER+STRICT and RED reports is recorded, so their owners know who saw them. */
    private void auditRestrictedListing(List<ReportRow> shown) {
        List<String> restricted = shown.stream().filter(r -> org.vigie.core.sharing.VisibilityPolicy.readIsAudited(r.tlp()))
                .map(r -> r.id() + " (" + r.tlp().label() + ")").toList();
        if (!restricted.isEmpty()) {
            audit.record(AuditEvent.of("report.listed").with("count", restricted.size())
                    .with("reports", restricted.subList(0, Math.min(restricted.size(), 100))));
        }
    }

    /** Reports the member may see that share something with this one. */
    public List<RelatedReport> related(Member reader, Report report) {
        return correlations.related(viewers.of(reader), report.content(), report.id(), 50);
    }

    /** Reports the member may see that share something with a report not filed yet (the form's preview, the benchmark). */
    public List<RelatedReport> relatedToDraft(Member reader, ReportDraft draft) {
        return correlations.related(viewers.of(reader), draft, null, 50);
    }

    Viewer viewer(Member member) {
        return viewers.of(member);
    }

    public List<RelatedReport.SharedKey> overCorrelating(Report report) {
        return correlations.overCorrelating(report.content());
    }

    public int correlationCap() {
        return correlations.cap();
    }

    // ---- permissions ---------------------------------------------------------------------------

    static void ensureMayReport(Member member) {
        if (!Permissions.allows(member, Permission.KNOWLEDGE_SHARE)) {
            throw new ForbiddenException("Only analysts and administrators of an organisation file reports.");
        }
    }

    /** Only the owning organisation's analysts and administrators change a report. */
    public boolean mayEdit(Member member, Report report) {
        return Permissions.allows(member, Permission.KNOWLEDGE_SHARE)
                && member.organisationId() != null && member.organisationId().equals(report.sharing().ownerOrganisation());
    }

    private void ensureOwner(Member member, Report report) {
        if (!mayEdit(member, report)) {
            throw new ForbiddenException("Only the organisation that filed this report may change it; you may comment on it.");
        }
    }
}

package org.vigie.server.reports;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;
import org.vigie.core.accounts.Member;
import org.vigie.core.reports.Admiralty;
import org.vigie.core.reports.IncidentType;
import org.vigie.core.reports.Outcome;
import org.vigie.core.reports.ViginumCriterion;
import org.vigie.core.sharing.Pap;
import org.vigie.core.sharing.Tlp;
import org.vigie.core.taxonomy.CyclePhase;
import org.vigie.core.taxonomy.TargetCategory;
import org.vigie.server.knowledge.SharingRequest;

@RestController
@RequestMapping("/api/v1/reports")
@Tag(name = "Reports", description = "Incident reports: filing, history, comments, evidence, correlation")
class ReportApiController {

    private final Reports reports;
    private final ReportComments comments;
    private final ReportEvidence evidence;
    private final ObservableInput observableInput;

    ReportApiController(Reports reports, ReportComments comments, ReportEvidence evidence, ObservableInput observableInput) {
        this.reports = reports;
        this.comments = comments;
        this.evidence = evidence;
        this.observableInput = observableInput;
    }

    record TargetRequest(TargetCategory category, UUID organisationId, String name, Instant notifiedAt, String notifiedBy,
                         Boolean doNotNotify, String doNotNotifyReason) {
    }

    record CriterionRequest(boolean met, String justification) {
    }

    /** An observable: its value, and its type if the automatic typing should be overridden ("url", "domain", …). */
    record ObservableRequest(String type, String value) {
    }

    record EvidenceRequest(String sha256, String fileName) {
    }

    record ReportRequest(String title, String summary, Instant firstSeen, Instant lastSeen, UUID electionId, CyclePhase phase,
                         Set<IncidentType> types, Outcome outcome, List<TargetRequest> targets, List<String> disarmTechniques,
                         List<String> attackTechniques, List<String> actors, List<Reports.NewActor> newActors, List<String> narratives,
                         List<Reports.NewNarrative> newNarratives, Map<ViginumCriterion, CriterionRequest> viginum, Integer confidence,
                         String reliability, String credibility, List<ObservableRequest> observables, String observablesText,
                         List<EvidenceRequest> evidence, Tlp tlp, Pap pap, Set<UUID> communities, Set<UUID> organisations,
                         Set<UUID> users, Instant baseModified) {
    }

    @PostMapping
    @Operation(summary = "File an incident report (stored as a STIX incident); answers the report and the reports it correlates with")
    ResponseEntity<ReportView> file(Member me, @RequestBody ReportRequest request) {
        ReportDraft draft = draft(me, request);
        Report filed = reports.file(me, draft, request.newActors(), request.newNarratives(),
                new SharingRequest(request.tlp(), request.pap(), request.communities(), request.organisations(), request.users()));
        Report stored = reports.get(me, filed.id());
        return ResponseEntity.created(URI.create("/api/v1/reports/" + stored.id())).body(view(me, stored));
    }

    @GetMapping
    @Operation(summary = "Search the reports you may see: full text (English and French) and filters")
    Map<String, Object> search(Member me, ReportSearchParameters parameters,
                               @RequestParam(defaultValue = "1") int page, @RequestParam(defaultValue = "50") int size) {
        Reports.Page found = reports.search(me, parameters.filter(observableInput), page, size);
        return Map.of("reports", found.rows(), "page", found.page(), "size", found.size(), "more", found.more());
    }

    @GetMapping("/{id}")
    ReportView get(Member me, @PathVariable String id, @RequestParam(required = false) Instant version) {
        return view(me, version == null ? reports.get(me, id) : reports.version(me, id, version));
    }

    @PutMapping("/{id}")
    @Operation(summary = "Store a new version; baseModified is the version you edited, else 409 with both versions")
    ReportView edit(Member me, @PathVariable String id, @RequestBody ReportRequest request) {
        Report edited = reports.edit(me, id, request.baseModified(), draft(me, request));
        return view(me, reports.get(me, edited.id()));
    }

    @PostMapping("/{id}/revoke")
    ReportView revoke(Member me, @PathVariable String id) {
        return view(me, reports.get(me, reports.revoke(me, id).id()));
    }

    record WidenRequest(Tlp tlp, Pap pap, Set<UUID> communities, Set<UUID> organisations, Set<UUID> users) {
    }

    @PostMapping("/{id}/sharing")
    @Operation(summary = "Share more widely (owner only): a lower TLP, more communities, organisations or people")
    ReportView widen(Member me, @PathVariable String id, @RequestBody WidenRequest request) {
        reports.widen(me, id, new SharingRequest(request.tlp(), request.pap(), request.communities(), request.organisations(), request.users()));
        return view(me, reports.get(me, id));
    }

    @GetMapping("/{id}/versions")
    List<ReportVersion> history(Member me, @PathVariable String id) {
        return reports.history(me, id);
    }

    @GetMapping("/{id}/related")
    List<RelatedReport> related(Member me, @PathVariable String id) {
        return reports.related(me, reports.get(me, id));
    }

    record CommentRequest(String text, Tlp tlp, Pap pap, Set<UUID> communities, Set<UUID> organisations, Set<UUID> users) {
    }

    @GetMapping("/{id}/comments")
    List<ReportComments.Comment> comments(Member me, @PathVariable String id) {
        return comments.of(me, id);
    }

    @PostMapping("/{id}/comments")
    @Operation(summary = "Comment on a report (a STIX note with its own marking)")
    ResponseEntity<ReportComments.Comment> comment(Member me, @PathVariable String id, @RequestBody CommentRequest request) {
        ReportComments.Comment added = comments.add(me, id, request.text(),
                new SharingRequest(request.tlp(), request.pap(), request.communities(), request.organisations(), request.users()));
        return ResponseEntity.created(URI.create("/api/v1/reports/" + id + "/comments")).body(added);
    }

    @PostMapping(path = "/evidence", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Upload an evidence file; cite the answered sha256 in a report's evidence")
    ResponseEntity<EvidenceRef> upload(Member me, @RequestPart("file") MultipartFile file) throws java.io.IOException {
        EvidenceRef stored = evidence.upload(me, file);
        return ResponseEntity.status(201).body(stored);
    }

    @GetMapping("/{id}/evidence/{sha256}")
    @Operation(summary = "Download an evidence file of a report you may see (always as an attachment)")
    ResponseEntity<StreamingResponseBody> download(Member me, @PathVariable String id, @PathVariable String sha256) {
        return evidence.download(me, id, sha256);
    }

    // ---- mapping -------------------------------------------------------------------------------

    private ReportDraft draft(Member me, ReportRequest r) {
        List<ObservableInput.Entry> entries = new ArrayList<>();
        if (r.observables() != null) {
            r.observables().forEach(o -> entries.add(new ObservableInput.Entry(o.type(), o.value())));
        }
        List<ReportObservable> observables = observableInput.parse(entries, r.observablesText());
        List<Target> targets = r.targets() == null ? List.of() : r.targets().stream()
                .map(t -> new Target(t.category(), t.organisationId(), blankToNull(t.name()), t.notifiedAt(), blankToNull(t.notifiedBy()),
                        Boolean.TRUE.equals(t.doNotNotify()), blankToNull(t.doNotNotifyReason())))
                .toList();
        Map<ViginumCriterion, CriterionAssessment> criteria = new EnumMap<>(ViginumCriterion.class);
        if (r.viginum() != null) {
            r.viginum().forEach((c, a) -> criteria.put(c, new CriterionAssessment(a.met(), a.justification())));
        }
        Admiralty admiralty = admiralty(r.reliability(), r.credibility());
        List<EvidenceRef> files = r.evidence() == null ? List.of() : r.evidence().stream()
                .map(e -> evidence.cite(e.sha256(), e.fileName())).toList();
        return new ReportDraft(r.title(), r.summary(), r.firstSeen(), r.lastSeen(), r.electionId(), r.phase(), r.types(), r.outcome(),
                targets, upper(r.disarmTechniques()), upper(r.attackTechniques()), r.actors(), r.narratives(), criteria, r.confidence(),
                admiralty, observables, files);
    }

    static Admiralty admiralty(String reliability, String credibility) {
        List<InvalidReportException.Fault> faults = new ArrayList<>();
        Admiralty.Reliability r = null;
        Admiralty.Credibility c = null;
        if (reliability != null && !reliability.isBlank()) {
            try {
                r = Admiralty.Reliability.fromKey(reliability);
            } catch (IllegalArgumentException e) {
                faults.add(ReportRules.fault("reliability", "reports.reliability.invalid", "Source reliability " + e.getMessage()));
            }
        }
        if (credibility != null && !credibility.isBlank()) {
            try {
                c = Admiralty.Credibility.fromKey(credibility);
            } catch (IllegalArgumentException e) {
                faults.add(ReportRules.fault("credibility", "reports.credibility.invalid", "Information credibility " + e.getMessage()));
            }
        }
        if (!faults.isEmpty()) {
            throw new InvalidReportException(faults);
        }
        return r == null && c == null ? null : new Admiralty(r, c);
    }

    private static List<String> upper(List<String> ids) {
        return ids == null ? List.of() : ids.stream().map(i -> i.trim().toUpperCase(java.util.Locale.ROOT)).toList();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    /** A report as the API shows it: its content, its sharing, its version, and what it correlates with. */
    record ReportView(String id, Instant created, Instant modified, boolean revoked, Tlp tlp, Pap pap, UUID ownerOrganisation,
                      Set<UUID> communities, Set<UUID> organisations, int namedPeople, ReportDraft content,
                      List<RelatedReport> related, List<RelatedReport.SharedKey> overCorrelating, String stixUrl) {
    }

    private ReportView view(Member me, Report r) {
        boolean owner = reports.mayEdit(me, r);
        return new ReportView(r.id(), r.created(), r.modified(), r.revoked(), r.sharing().tlp(), r.sharing().pap(),
                r.sharing().ownerOrganisation(), owner ? r.sharing().distribution().communities() : Set.of(),
                owner ? r.sharing().distribution().organisations() : Set.of(), owner ? r.sharing().distribution().users().size() : 0,
                r.content(), reports.related(me, r), reports.overCorrelating(r), "/api/v1/objects/" + r.id());
    }
}

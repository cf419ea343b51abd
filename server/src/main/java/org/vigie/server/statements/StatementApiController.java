package org.vigie.server.statements;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.vigie.core.accounts.Member;
import org.vigie.core.panel.Readability;
import org.vigie.server.web.InvalidFieldException;

@RestController
@RequestMapping("/api/v1/statements")
@Tag(name = "Public statements", description = "The panel's statements: draft from the template (fr + en), versions, approval under the panel's "
        + "rule, scheduling; notices to targets, parties and the election body before publication; corrections after it")
class StatementApiController {

    private final Statements statements;
    private final StatementTemplate template;

    StatementApiController(Statements statements, StatementTemplate template) {
        this.statements = statements;
        this.template = template;
    }

    record StatementRequest(UUID decisionId, UUID referralId, Integer baseVersion, StatementText fr, StatementText en, String incidentType,
                            String cyclePhase, UUID electionId) {

        StatementDraft draft() {
            return new StatementDraft(fr, en, incidentType, cyclePhase, electionId);
        }
    }

    record VersionView(int version, StatementText fr, StatementText en, String incidentType, String cyclePhase, UUID electionId,
                       UUID editedBy, String editedByName, Instant editedAt) {

        static VersionView of(StatementVersion v) {
            return new VersionView(v.version(), v.fr(), v.en(), v.classification().incidentType() == null ? null
                    : v.classification().incidentType().name(), v.classification().cyclePhase() == null ? null
                    : v.classification().cyclePhase().name(), v.classification().electionId(), v.editedBy(), v.editedByName(), v.editedAt());
        }
    }

    record StatementSummary(UUID id, UUID decisionId, UUID referralId, UUID panelId, String slug, StatementStatus status, int currentVersion,
                            Integer approvedVersion, Instant scheduledFor, Instant noticesSentAt, Instant publishedAt, String titleFr,
                            String titleEn, String link) {

        static StatementSummary of(Statement s, String titleFr, String titleEn) {
            return new StatementSummary(s.id(), s.decisionId(), s.referralId(), s.panelId(), s.slug(), s.status(), s.currentVersion(),
                    s.approvedVersion(), s.scheduledFor(), s.noticesSentAt(), s.publishedAt(), titleFr, titleEn, "/statements/" + s.id());
        }
    }

    record StatementDetail(StatementSummary statement, String panelName, VersionView current, List<Integer> versions,
                           Statements.ApprovalState approval, List<Notice> notices, List<Correction> corrections,
                           List<CorrectionProposal> pendingCorrections, long noticeLeadMinutes, Instant noticesDueAt) {
    }

    @GetMapping
    @Operation(summary = "The statements of the panels you take part in (not those of referrals you are recused from)")
    List<StatementSummary> list(Member me) {
        return statements.list(me).stream().map(s -> StatementSummary.of(s.statement(), s.titleFr(), s.titleEn())).toList();
    }

    @GetMapping("/template")
    @Operation(summary = "The plain-language template for a new statement about a decision: headings, guidance and what may be pre-filled "
            + "(public facts only: the panel's rule and the decision date, the panel's election)")
    StatementTemplate.Template template(Member me, @RequestParam(required = false) UUID decisionId,
                                        @RequestParam(required = false) UUID referralId) {
        return template.forDecision(statements.decisionToDraft(me, decisionId, referralId));
    }

    @PostMapping
    @Operation(summary = "Draft a statement (version 1) about a decision to inform the public; every part in French and English")
    ResponseEntity<StatementDetail> create(Member me, @RequestBody StatementRequest request) {
        Statement created = statements.create(me, request.decisionId(), request.referralId(), request.draft());
        return ResponseEntity.created(URI.create("/api/v1/statements/" + created.id())).body(detail(me, created.id()));
    }

    @GetMapping("/{id}")
    StatementDetail get(Member me, @PathVariable UUID id) {
        return detail(me, id);
    }

    @PutMapping("/{id}")
    @Operation(summary = "A new version of the text and classification (409 once the notices went or once published: use corrections)")
    StatementDetail revise(Member me, @PathVariable UUID id, @RequestBody StatementRequest request) {
        statements.revise(me, id, request.draft(), request.baseVersion());
        return detail(me, id);
    }

    @GetMapping("/{id}/versions")
    List<VersionView> versions(Member me, @PathVariable UUID id) {
        return statements.view(me, id).versions().stream().map(VersionView::of).toList();
    }

    @GetMapping("/{id}/versions/{version}")
    VersionView version(Member me, @PathVariable UUID id, @PathVariable int version) {
        return VersionView.of(statements.version(me, id, version));
    }

    record ApprovalRequest(Integer version) {
    }

    @PostMapping("/{id}/approvals")
    @Operation(summary = "Approve the current version; the panel's rule decides when the statement is approved")
    ResponseEntity<Statements.ApprovalState> approve(Member me, @PathVariable UUID id, @RequestBody ApprovalRequest request) {
        if (request == null || request.version() == null) {
            throw new InvalidFieldException("version", "statements.error.versionRequired", "version is required: the version you approve.");
        }
        return ResponseEntity.status(201).body(statements.approve(me, id, request.version()));
    }

    record ScheduleRequest(Instant scheduledFor) {
    }

    @PutMapping("/{id}/schedule")
    @Operation(summary = "When to publish (at least the notice lead time from now); the notices go that lead time before")
    StatementDetail schedule(Member me, @PathVariable UUID id, @RequestBody ScheduleRequest request) {
        statements.schedule(me, id, request == null ? null : request.scheduledFor());
        return detail(me, id);
    }

    @GetMapping("/{id}/notices")
    @Operation(summary = "The notices sent before publication: kind, organisation, recipient, batch, sent, delivered, opened, acknowledged")
    List<Notice> notices(Member me, @PathVariable UUID id) {
        return statements.view(me, id).notices();
    }

    record CorrectionRequest(String textFr, String textEn) {
    }

    @PostMapping("/{id}/corrections")
    @Operation(summary = "Propose a dated correction to a published statement, in French and English (the statement itself is never "
            + "edited); published once the panel's rule is met, at once if your approval meets it")
    ResponseEntity<Statements.CorrectionState> correct(Member me, @PathVariable UUID id, @RequestBody CorrectionRequest request) {
        return ResponseEntity.status(201).body(statements.proposeCorrection(me, id, request == null ? null : request.textFr(),
                request == null ? null : request.textEn()));
    }

    @PostMapping("/{id}/corrections/{proposalId}/approvals")
    @Operation(summary = "Approve a proposed correction; published once the panel's rule is met")
    ResponseEntity<Statements.CorrectionState> approveCorrection(Member me, @PathVariable UUID id, @PathVariable UUID proposalId) {
        return ResponseEntity.status(201).body(statements.approveCorrection(me, id, proposalId));
    }

    record ReadabilityRequest(String language, String text) {
    }

    @PostMapping("/readability")
    @Operation(summary = "The readability hint for a text: language fr (Kandel–Moles) or en (Flesch)")
    Readability.Hint readability(@RequestBody ReadabilityRequest request) {
        String language = request == null || request.language() == null ? "" : request.language().strip().toLowerCase(java.util.Locale.ROOT);
        Readability.Language lang = switch (language) {
            case "fr" -> Readability.Language.FR;
            case "en" -> Readability.Language.EN;
            default -> throw new InvalidFieldException("language", "statements.error.language", "language must be fr or en.");
        };
        return Readability.of(lang, request.text());
    }

    private StatementDetail detail(Member me, UUID id) {
        Statements.StatementView v = statements.view(me, id);
        return new StatementDetail(StatementSummary.of(v.statement(), v.current().fr().title(), v.current().en().title()), v.panelName(),
                VersionView.of(v.current()), v.versions().stream().map(StatementVersion::version).toList(), v.approval(), v.notices(),
                v.corrections(), v.pendingCorrections(), v.leadTime().toMinutes(), v.noticesDueAt());
    }
}

package org.vigie.server.panel;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.vigie.core.accounts.Member;

@RestController
@RequestMapping("/api/v1/panels")
@Tag(name = "Expert panel", description = "Panels, members and interests; referrals, recusals, assessments and decisions")
class PanelApiController {

    private final Panels panels;
    private final Referrals referrals;
    private final Assessments assessments;
    private final Decisions decisions;
    private final Workspaces workspaces;

    PanelApiController(Panels panels, Referrals referrals, Assessments assessments, Decisions decisions, Workspaces workspaces) {
        this.panels = panels;
        this.referrals = referrals;
        this.assessments = assessments;
        this.decisions = decisions;
        this.workspaces = workspaces;
    }

    // ---- panels --------------------------------------------------------------------------------------

    @GetMapping
    @Operation(summary = "Every panel (name, election, rule); anyone signed in")
    List<Panel> list() {
        return panels.list();
    }

    @PostMapping
    @Operation(summary = "Create a panel (platform administrators); rule CONSENSUS (default) or QUORUM with a quorum")
    ResponseEntity<Panel> create(Member me, @RequestBody PanelRequest request) {
        return ResponseEntity.status(HttpStatus.CREATED).body(panels.create(me, request));
    }

    record PanelView(Panel panel, List<PanelMember> members, List<Interest> interests) {
    }

    @GetMapping("/{id}")
    @Operation(summary = "A panel; its members and interests for its members and platform administrators only")
    PanelView get(Member me, @PathVariable UUID id) {
        Panel panel = panels.get(id);
        boolean composition = panels.mayViewComposition(me, id);
        return new PanelView(panel, composition ? panels.members(me, id) : null, composition ? panels.interests(me, id) : null);
    }

    @PutMapping("/{id}")
    @Operation(summary = "Change a panel's name, election, mandate or rule (platform administrators)")
    Panel update(Member me, @PathVariable UUID id, @RequestBody PanelRequest request) {
        return panels.update(me, id, request);
    }

    record ActiveRequest(boolean active) {
    }

    @PostMapping("/{id}/active")
    @Operation(summary = "Activate or deactivate a panel (an inactive panel takes no referrals)")
    Panel active(Member me, @PathVariable UUID id, @RequestBody ActiveRequest request) {
        return panels.setActive(me, id, request.active());
    }

    @PostMapping("/{id}/members")
    @Operation(summary = "Add a member with a public title (platform administrators); recused at once from open referrals that involve them")
    ResponseEntity<PanelMember> addMember(Member me, @PathVariable UUID id, @RequestBody MemberRequest request) {
        return ResponseEntity.status(HttpStatus.CREATED).body(panels.addMember(me, id, request));
    }

    @PutMapping("/{id}/members/{account}")
    PanelMember updateMember(Member me, @PathVariable UUID id, @PathVariable UUID account, @RequestBody MemberRequest request) {
        return panels.updateMember(me, id, account, request.role(), request.publicTitle());
    }

    @DeleteMapping("/{id}/members/{account}")
    ResponseEntity<Void> removeMember(Member me, @PathVariable UUID id, @PathVariable UUID account) {
        panels.removeMember(me, id, account);
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/{id}/interests")
    List<Interest> interests(Member me, @PathVariable UUID id) {
        return panels.interests(me, id);
    }

    @PostMapping("/{id}/members/{account}/interests")
    @Operation(summary = "Declare a member's interest in an organisation (the member or a platform administrator)")
    ResponseEntity<Interest> declare(Member me, @PathVariable UUID id, @PathVariable UUID account, @RequestBody InterestRequest request) {
        return ResponseEntity.status(HttpStatus.CREATED).body(panels.declareInterest(me, id, account, request));
    }

    @PostMapping("/interests/{interest}/withdraw")
    Interest withdrawInterest(Member me, @PathVariable UUID interest) {
        return panels.withdrawInterest(me, interest);
    }

    // ---- referrals -----------------------------------------------------------------------------------

    /**
     * What the referring analyst learns of their referral: its status, not who on the panel is recused
     * or why (that names members' declared interests, which are the panel's and the administrators').
     */
    record Receipt(UUID id, UUID panelId, Referral.Kind kind, String title, Instant referredAt, Referral.Status status, Instant closedAt,
                   List<Referral.SubjectRef> subjects) {

        static Receipt of(Referral r) {
            return new Receipt(r.id(), r.panelId(), r.kind(), r.title(), r.referredAt(), r.status(), r.closedAt(), r.subjects());
        }
    }

    @PostMapping("/{id}/referrals")
    @Operation(summary = "Refer reports or campaigns you may see (one: REPORT or CAMPAIGN; several: ACCUMULATION) with a title and cover note")
    ResponseEntity<Receipt> refer(Member me, @PathVariable UUID id, @RequestBody ReferralRequest request) {
        return ResponseEntity.status(HttpStatus.CREATED).body(Receipt.of(referrals.refer(me, id, request)));
    }

    record QueueLine(Referral referral, long ageSeconds, int assessed, int eligible, boolean recused, boolean assessedByMe) {

        static QueueLine of(Referrals.QueueEntry e) {
            return new QueueLine(e.referral(), e.age().toSeconds(), e.assessed(), e.eligible(), e.recused(), e.assessedByMe());
        }
    }

    @GetMapping("/{id}/queue")
    @Operation(summary = "The panel's open referrals, oldest first, with their age in seconds (members)")
    List<QueueLine> queue(Member me, @PathVariable UUID id) {
        return referrals.queue(me, id).stream().map(QueueLine::of).toList();
    }

    @GetMapping("/{id}/referrals")
    @Operation(summary = "Every referral of the panel, newest first (members)")
    List<QueueLine> all(Member me, @PathVariable UUID id) {
        return referrals.all(me, id).stream().map(QueueLine::of).toList();
    }

    @GetMapping("/referrals/mine")
    @Operation(summary = "The referrals you made, with their status")
    List<Receipt> mine(Member me) {
        return referrals.madeBy(me).stream().map(Receipt::of).toList();
    }

    @GetMapping("/referrals/{referral}")
    @Operation(summary = "The workspace: referral, recusals, subjects as you may see them, latest assessments, the tally, decisions (members)")
    Workspaces.Workspace workspace(Member me, @PathVariable UUID referral) {
        return workspaces.workspace(me, referral);
    }

    record ReasonRequest(String reason) {
    }

    @PostMapping("/referrals/{referral}/recusals")
    @Operation(summary = "Recuse yourself from a referral, with a reason the record shows")
    ResponseEntity<Recusal> recuse(Member me, @PathVariable UUID referral, @RequestBody ReasonRequest request) {
        return ResponseEntity.status(HttpStatus.CREATED).body(referrals.recuse(me, referral, request.reason()));
    }

    @PostMapping("/referrals/{referral}/withdraw")
    @Operation(summary = "Withdraw an open referral (its author or a chair)")
    Receipt withdraw(Member me, @PathVariable UUID referral, @RequestBody ReasonRequest request) {
        return Receipt.of(referrals.withdraw(me, referral, request.reason()));
    }

    @PostMapping("/referrals/{referral}/assessments")
    @Operation(summary = "Record or revise your assessment: criteria (the three threshold ones required), responseOptions, position, rationale")
    ResponseEntity<Assessment> assess(Member me, @PathVariable UUID referral, @RequestBody AssessmentRequest request) {
        return ResponseEntity.status(HttpStatus.CREATED).body(assessments.record(me, referral, request));
    }

    @GetMapping("/referrals/{referral}/assessments")
    @Operation(summary = "Every revision of every member's assessment, oldest first (members)")
    List<Assessment> assessments(Member me, @PathVariable UUID referral) {
        return assessments.history(me, referral);
    }

    @PostMapping("/referrals/{referral}/decisions")
    @Operation(summary = "Record the panel's decision: the rule computes the outcome (409 while pending or once decided; 403 if recused)")
    ResponseEntity<Decision> decide(Member me, @PathVariable UUID referral, @RequestBody DecisionRequest request) {
        return ResponseEntity.status(HttpStatus.CREATED).body(decisions.decide(me, referral, request));
    }

    @GetMapping("/referrals/{referral}/decisions")
    List<Decision> decisions(Member me, @PathVariable UUID referral) {
        return decisions.history(me, referral);
    }

    record CorrectionRequest(String reason, String rationale, List<Assessment.ResponseChoice> responseOptions) {
    }

    @PostMapping("/decisions/{decision}/corrections")
    @Operation(summary = "Correct the decision that stands: a new decision naming it, with a reason; the rule is applied again")
    ResponseEntity<Decision> correct(Member me, @PathVariable UUID decision, @RequestBody CorrectionRequest request) {
        return ResponseEntity.status(HttpStatus.CREATED).body(decisions.correct(me, decision, request.reason(),
                new DecisionRequest(request.rationale(), request.responseOptions())));
    }
}

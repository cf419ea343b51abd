package org.vigie.server.reports;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.vigie.core.accounts.Member;

/**
 * Victim notification over the API (ADR 0008): the notices of a report and the target's replies,
 * the target's reply, and the review of withheld notices. Whether to notify a target is given with
 * the report itself: {@code targets[i].doNotNotify} and {@code targets[i].doNotNotifyReason}.
 */
@RestController
@Tag(name = "Victim notification", description = "Notices to the organisations a report names as targets, their replies, and the review of withheld notices")
class VictimApiController {

    private final Reports reports;
    private final VictimReviews reviews;

    VictimApiController(Reports reports, VictimReviews reviews) {
        this.reports = reports;
        this.reviews = reviews;
    }

    /** {@code answer}: already_aware, thank_you or need_help; {@code message} optional (up to 4,000 characters). */
    record ReplyRequest(String answer, String message) {
    }

    /** {@code decision}: confirm (the notice stays withheld) or overturn (the notice is sent); {@code note} optional. */
    record ReviewRequest(String decision, String note) {
    }

    @GetMapping("/api/v1/reports/{id}/victim-notices")
    @Operation(summary = "The victim-notice decisions of a report you may see, and the targets' replies")
    VictimReviews.View notices(Member me, @PathVariable String id) {
        return reviews.view(me, reports.get(me, id));
    }

    @PostMapping("/api/v1/reports/{id}/victim-replies")
    @Operation(summary = "Answer the victim notice your organisation received about this report; acknowledges it and tells the reporter")
    ResponseEntity<VictimReviews.ShownReply> reply(Member me, @PathVariable String id, @RequestBody(required = false) ReplyRequest request) {
        ReplyRequest r = request == null ? new ReplyRequest(null, null) : request;
        return ResponseEntity.status(201).body(reviews.reply(me, id, r.answer(), r.message()));
    }

    @GetMapping("/api/v1/victim-notices/withheld")
    @Operation(summary = "Withheld victim notices to review: all for platform administrators, your organisation's reports' for its administrators")
    List<VictimReviews.WithheldNotice> withheld(Member me) {
        return reviews.withheld(me);
    }

    @PostMapping("/api/v1/reports/{id}/victim-notices/{organisationId}/review")
    @Operation(summary = "Confirm or overturn a withheld victim notice (overturn shares the report with the target and sends the notice)")
    ResponseEntity<Void> review(Member me, @PathVariable String id, @PathVariable UUID organisationId,
                                @RequestBody(required = false) ReviewRequest request) {
        ReviewRequest r = request == null ? new ReviewRequest(null, null) : request;
        reviews.review(me, id, organisationId, r.decision(), r.note());
        return ResponseEntity.noContent().build();
    }
}

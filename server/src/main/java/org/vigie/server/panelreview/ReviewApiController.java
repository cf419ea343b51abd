package org.vigie.server.panelreview;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Locale;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.vigie.core.accounts.Member;

@RestController
@RequestMapping("/api/v1/review")
@Tag(name = "Independent review", description = "The review dossier of an election or of a panel over a period, as JSON or PDF "
        + "(platform administrators and the panels' members; every read audited)")
class ReviewApiController {

    private final ReviewDossiers dossiers;
    private final DossierPdf pdf;

    ReviewApiController(ReviewDossiers dossiers, DossierPdf pdf) {
        this.dossiers = dossiers;
        this.pdf = pdf;
    }

    @GetMapping("/elections/{id}")
    @Operation(summary = "Every referral, recusal, assessment, decision, statement version and approval, notice and publication of "
            + "the election's panels, in time order, with the summary; from/to (YYYY-MM-DD, UTC, optional) select referrals by date")
    Dossier election(Member me, @PathVariable UUID id, @RequestParam(required = false) String from, @RequestParam(required = false) String to) {
        return dossiers.election(me, id, ReviewPeriod.parse(from, to), ReviewDossiers.Format.JSON);
    }

    @GetMapping("/elections/{id}/dossier.pdf")
    @Operation(summary = "The election's dossier as PDF")
    ResponseEntity<byte[]> electionPdf(Member me, @PathVariable UUID id, @RequestParam(required = false) String from,
                                       @RequestParam(required = false) String to, Locale locale) {
        return ReviewPagesController.pdf(dossiers.election(me, id, ReviewPeriod.parse(from, to), ReviewDossiers.Format.PDF), locale, pdf);
    }

    @GetMapping("/panels/{id}")
    @Operation(summary = "One panel's dossier (a standing panel's, typically) over a period")
    Dossier panel(Member me, @PathVariable UUID id, @RequestParam(required = false) String from, @RequestParam(required = false) String to) {
        return dossiers.panel(me, id, ReviewPeriod.parse(from, to), ReviewDossiers.Format.JSON);
    }

    @GetMapping("/panels/{id}/dossier.pdf")
    @Operation(summary = "One panel's dossier as PDF")
    ResponseEntity<byte[]> panelPdf(Member me, @PathVariable UUID id, @RequestParam(required = false) String from,
                                    @RequestParam(required = false) String to, Locale locale) {
        return ReviewPagesController.pdf(dossiers.panel(me, id, ReviewPeriod.parse(from, to), ReviewDossiers.Format.PDF), locale, pdf);
    }
}

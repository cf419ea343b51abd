package org.vigie.server.panelreview;

import java.util.Locale;
import java.util.UUID;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.vigie.core.accounts.Member;
import org.vigie.server.web.InvalidFieldException;

/**
 * Pages: the review index, an election's or a panel's dossier as a printable page, its PDF, and the
 * link the election page loads (shown only to those who may read the dossier).
 */
@Controller
class ReviewPagesController {

    private final ReviewDossiers dossiers;
    private final DossierPdf pdf;

    ReviewPagesController(ReviewDossiers dossiers, DossierPdf pdf) {
        this.dossiers = dossiers;
        this.pdf = pdf;
    }

    @GetMapping("/review")
    String index(Member me, Model model) {
        model.addAttribute("lines", dossiers.index(me));
        return "panelreview/index";
    }

    @GetMapping("/review/elections/{id}")
    String election(Member me, @PathVariable UUID id, @RequestParam(required = false) String from,
                    @RequestParam(required = false) String to, Model model) {
        ReviewPeriod period = ReviewPeriod.parse(from, to);
        model.addAttribute("dossier", dossiers.election(me, id, period, ReviewDossiers.Format.PAGE));
        model.addAttribute("base", "/review/elections/" + id);
        return "panelreview/dossier";
    }

    @GetMapping("/review/panels/{id}")
    String panel(Member me, @PathVariable UUID id, @RequestParam(required = false) String from,
                 @RequestParam(required = false) String to, Model model) {
        ReviewPeriod period = ReviewPeriod.parse(from, to);
        model.addAttribute("dossier", dossiers.panel(me, id, period, ReviewDossiers.Format.PAGE));
        model.addAttribute("base", "/review/panels/" + id);
        return "panelreview/dossier";
    }

    @GetMapping("/review/elections/{id}/dossier.pdf")
    ResponseEntity<byte[]> electionPdf(Member me, @PathVariable UUID id, @RequestParam(required = false) String from,
                                       @RequestParam(required = false) String to, Locale locale) {
        return pdf(dossiers.election(me, id, ReviewPeriod.parse(from, to), ReviewDossiers.Format.PDF), locale, pdf);
    }

    @GetMapping("/review/panels/{id}/dossier.pdf")
    ResponseEntity<byte[]> panelPdf(Member me, @PathVariable UUID id, @RequestParam(required = false) String from,
                                    @RequestParam(required = false) String to, Locale locale) {
        return pdf(dossiers.panel(me, id, ReviewPeriod.parse(from, to), ReviewDossiers.Format.PDF), locale, pdf);
    }

    /** The election page's link to its dossier (loaded by htmx), empty for those who may not read it. */
    @GetMapping("/review/elections/{id}/link")
    String link(Member me, @PathVariable UUID id, Model model) {
        model.addAttribute("electionId", id);
        model.addAttribute("mayRead", dossiers.mayReadElection(me, id));
        return "panelreview/link :: link";
    }

    /** A wrong date or a reversed period: the page says which parameter and why, with a 400. */
    @ExceptionHandler(InvalidFieldException.class)
    ModelAndView invalid(InvalidFieldException e) {
        ModelAndView page = new ModelAndView("panelreview/invalid", HttpStatus.BAD_REQUEST);
        page.addObject("field", e.field());
        page.addObject("messageKey", e.messageKey());
        page.addObject("detail", e.getBody().getDetail());
        return page;
    }

    /** A download, named after what it covers; never cached (its content depends on the reader and on time). */
    static ResponseEntity<byte[]> pdf(Dossier dossier, Locale locale, DossierPdf renderer) {
        byte[] document = renderer.render(dossier, locale);
        String name = "review-" + dossier.scope().kind().name().toLowerCase(Locale.ROOT) + "-" + dossier.scope().id() + ".pdf";
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name).build().toString())
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .body(document);
    }
}

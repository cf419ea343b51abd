package org.vigie.server.exchange;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.UUID;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.vigie.core.accounts.Member;
import org.vigie.server.reports.ReportSearchParameters;
import org.vigie.server.web.InvalidFieldException;

/**
 * STIX 2.1 bundles of what the caller may see, streamed. Every endpoint takes {@code ?versions=all}
 * (every visible version, not only the latest) and {@code ?download=true} (as an attachment).
 */
@RestController
@Tag(name = "STIX export", description = "STIX 2.1 bundles of a report, a campaign, a report search, a community's feed or a "
        + "knowledge search, with their closure (markings, identities, DISARM attack-patterns, extension definitions)")
class ExportApiController {

    private final StixExport export;
    private final ExportResponses responses;

    ExportApiController(StixExport export, ExportResponses responses) {
        this.export = export;
        this.responses = responses;
    }

    @GetMapping("/api/v1/reports/{id}/stix")
    @Operation(summary = "A report as a STIX bundle: the incident, its actors and narratives, the notes you may see, its observables "
            + "as cyber-observables related to it, and the closure")
    void report(Member me, @PathVariable String id, @RequestParam(required = false) String versions,
                @RequestParam(defaultValue = "false") boolean download, HttpServletResponse response) throws IOException {
        responses.stream(export.report(me, id), versions, download, response);
    }

    @GetMapping("/api/v1/campaigns/{id}/stix")
    @Operation(summary = "A campaign as a STIX bundle: the campaign, the member reports you may see with their closure, "
            + "and attributed-to relationships from those reports to the campaign")
    void campaign(Member me, @PathVariable String id, @RequestParam(required = false) String versions,
                  @RequestParam(defaultValue = "false") boolean download, HttpServletResponse response) throws IOException {
        responses.stream(export.campaign(me, id), versions, download, response);
    }

    @GetMapping("/api/v1/reports/stix")
    @Operation(summary = "The reports you may see matching the reports list's filters (q, election, phase, type, outcome, target, "
            + "targetOrganisation, technique, actor, narrative, observable, tlp, owner, from, to, minConfidence, revoked), each with its closure")
    void reports(Member me, @ModelAttribute ReportSearchParameters search, @RequestParam(required = false) String versions,
                 @RequestParam(defaultValue = "false") boolean download, HttpServletResponse response) throws IOException {
        responses.stream(export.reports(me, search), versions, download, response);
    }

    @GetMapping("/api/v1/communities/{id}/stix")
    @Operation(summary = "A community's feed: the objects shared into it that you may see; 404 unless your organisation is a member")
    void community(Member me, @PathVariable UUID id, @RequestParam(required = false) String versions,
                   @RequestParam(defaultValue = "false") boolean download, HttpServletResponse response) throws IOException {
        responses.stream(export.community(me, id), versions, download, response);
    }

    @GetMapping("/api/v1/objects/export")
    @Operation(summary = "A STIX 2.1 bundle of the latest versions you may see matching ?type=, ?q= and ?owner= (at most ?size=, "
            + "1000 by default; ?size=0 for no limit), in id order, with the closure")
    void objects(Member me, @RequestParam(required = false) String type, @RequestParam(required = false) String q,
                 @RequestParam(required = false) UUID owner, @RequestParam(defaultValue = "1000") long size,
                 @RequestParam(required = false) String versions, @RequestParam(defaultValue = "false") boolean download,
                 HttpServletResponse response) throws IOException {
        if (size < 0) {
            throw new InvalidFieldException("size", "exchange.size.invalid", "size is a number of objects, 0 for no limit; not " + size + ".");
        }
        responses.stream(export.objects(me, type, q, owner, size == 0 ? Long.MAX_VALUE : size), versions, download, response);
    }
}

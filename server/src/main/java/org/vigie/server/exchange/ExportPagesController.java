package org.vigie.server.exchange;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.vigie.core.accounts.Member;
import org.vigie.server.reports.ReportSearchParameters;

/**
 * The "Export STIX" buttons of the web pages: the same exports as the API, for the signed-in
 * session (the API takes tokens only), always downloaded as a file.
 */
@Controller
class ExportPagesController {

    private final StixExport export;
    private final ExportResponses responses;

    ExportPagesController(StixExport export, ExportResponses responses) {
        this.export = export;
        this.responses = responses;
    }

    @GetMapping("/reports/{id}/stix")
    void report(Member me, @PathVariable String id, HttpServletResponse response) throws IOException {
        responses.stream(export.report(me, id), null, true, response);
    }

    @GetMapping("/campaigns/{id}/stix")
    void campaign(Member me, @PathVariable String id, HttpServletResponse response) throws IOException {
        responses.stream(export.campaign(me, id), null, true, response);
    }

    @GetMapping("/reports/stix")
    void reports(Member me, @ModelAttribute ReportSearchParameters search, HttpServletResponse response) throws IOException {
        responses.stream(export.reports(me, search), null, true, response);
    }

    @GetMapping("/communities/{id}/stix")
    void community(Member me, @PathVariable UUID id, HttpServletResponse response) throws IOException {
        responses.stream(export.community(me, id), null, true, response);
    }

    @GetMapping("/knowledge/stix")
    void objects(Member me, @RequestParam(required = false) String type, @RequestParam(required = false) String q,
                 @RequestParam(required = false) UUID owner, HttpServletResponse response) throws IOException {
        responses.stream(export.objects(me, blankToNull(type), blankToNull(q), owner, Long.MAX_VALUE), null, true, response);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}

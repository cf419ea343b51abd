package org.vigie.server.audit;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.vigie.core.accounts.Member;

/** The audit log for platform administrators: filterable entries and an on-demand chain check. */
@Controller
@RequestMapping("/admin/audit")
class AuditPageController {

    private final AuditLog log;

    AuditPageController(AuditLog log) {
        this.log = log;
    }

    @GetMapping
    String entries(Member me, Model model,
                   @RequestParam(required = false) Long before,
                   @RequestParam(required = false) String actor,
                   @RequestParam(required = false) String action,
                   @RequestParam(required = false) String targetType,
                   @RequestParam(required = false) String targetId) {
        AuditApiController.requireAuditor(me);
        AuditLog.Filter filter = new AuditLog.Filter(actor, action, targetType, targetId);
        model.addAttribute("filter", filter);
        model.addAttribute("page", log.page(filter, before, 50));
        return "audit/log";
    }

    /** Rendered as a fragment for htmx, or as the whole page without JavaScript. */
    @GetMapping("/verification")
    String verify(Member me, Model model, @RequestHeader(name = "HX-Request", required = false) String htmx) {
        AuditApiController.requireAuditor(me);
        model.addAttribute("verification", log.verify());
        if (htmx != null) {
            return "audit/log :: verification";
        }
        AuditLog.Filter none = AuditLog.Filter.none();
        model.addAttribute("filter", none);
        model.addAttribute("page", log.page(none, null, 50));
        return "audit/log";
    }
}

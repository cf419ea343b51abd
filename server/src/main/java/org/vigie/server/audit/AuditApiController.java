package org.vigie.server.audit;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.vigie.core.accounts.Member;
import org.vigie.core.accounts.Permission;
import org.vigie.core.accounts.Permissions;
import org.vigie.core.audit.ChainVerifier.BrokenLink;
import org.vigie.core.audit.ChainVerifier.ChainVerification;
import org.vigie.server.web.ForbiddenException;

@RestController
@RequestMapping("/api/v1/audit")
@Tag(name = "Audit", description = "The hash-chained audit log (platform administrators)")
class AuditApiController {

    private final AuditLog log;

    AuditApiController(AuditLog log) {
        this.log = log;
    }

    record EntriesPage(List<AuditLog.Entry> entries, Long nextBefore) {
    }

    record Verification(boolean intact, long entriesChecked, long headSequence, String headHash,
                        Long brokenAtSequence, String reason) {
        static Verification of(ChainVerification result) {
            return new Verification(result.intact(), result.entriesChecked(), result.headSequence(), result.headHash(),
                    result.brokenLink().map(BrokenLink::sequence).orElse(null),
                    result.brokenLink().map(BrokenLink::reason).orElse(null));
        }
    }

    @GetMapping
    @Operation(summary = "Audit entries, newest first; pass nextBefore back as 'before' for the next page")
    EntriesPage entries(Member me,
                        @RequestParam(required = false) Long before,
                        @RequestParam(defaultValue = "50") int size,
                        @RequestParam(required = false) String actor,
                        @RequestParam(required = false) String action,
                        @RequestParam(required = false) String targetType,
                        @RequestParam(required = false) String targetId) {
        requireAuditor(me);
        AuditLog.Page page = log.page(new AuditLog.Filter(actor, action, targetType, targetId), before, size);
        return new EntriesPage(page.entries(), page.more() ? page.before() : null);
    }

    @GetMapping("/verification")
    @Operation(summary = "Verify the whole hash chain; names the first broken entry, if any")
    Verification verify(Member me) {
        requireAuditor(me);
        return Verification.of(log.verify());
    }

    static void requireAuditor(Member me) {
        if (!Permissions.allows(me, Permission.AUDIT_READ)) {
            throw new ForbiddenException("Only platform administrators read the audit log.");
        }
    }
}

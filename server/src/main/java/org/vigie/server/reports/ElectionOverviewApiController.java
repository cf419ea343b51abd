package org.vigie.server.reports;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.UUID;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.vigie.core.accounts.Member;

@RestController
@Tag(name = "Reports", description = "Incident reports: filing, history, comments, evidence, correlation")
class ElectionOverviewApiController {

    private final ElectionOverviews overviews;

    ElectionOverviewApiController(ElectionOverviews overviews) {
        this.overviews = overviews;
    }

    @GetMapping("/api/v1/elections/{id}/overview")
    @Operation(summary = "An election's overview from the reports you may see: reports by period, phase and type, outcomes, "
            + "DISARM techniques, targets most hit, and the largest correlation clusters")
    ElectionOverviews.Overview overview(Member me, @PathVariable UUID id) {
        return overviews.of(me, id);
    }
}

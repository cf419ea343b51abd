package org.vigie.server.campaigns;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.vigie.core.accounts.Member;
import org.vigie.core.sharing.Pap;
import org.vigie.core.sharing.Tlp;
import org.vigie.server.knowledge.SharingRequest;
import org.vigie.server.reports.CorrelationClusters;

@RestController
@RequestMapping("/api/v1/campaigns")
@Tag(name = "Campaigns", description = "Reports grouped into STIX campaigns; suggestions from correlation clusters")
class CampaignApiController {

    private final Campaigns campaigns;
    private final CorrelationClusters clusters;

    CampaignApiController(Campaigns campaigns, CorrelationClusters clusters) {
        this.campaigns = campaigns;
        this.clusters = clusters;
    }

    record CreateRequest(String name, String description, List<String> reports, Tlp tlp, Pap pap, Set<UUID> communities,
                         Set<UUID> organisations, Set<UUID> users) {
    }

    record AddRequest(List<String> reports) {
    }

    @GetMapping
    @Operation(summary = "The campaigns you may see, each with the number of its reports you may see")
    List<Campaigns.CampaignSummary> list(Member me, @RequestParam(defaultValue = "1") int page, @RequestParam(defaultValue = "50") int size) {
        return campaigns.list(me, page, size);
    }

    @PostMapping
    @Operation(summary = "Create a campaign (a STIX campaign owned by your organisation) grouping reports you may see")
    ResponseEntity<Campaigns.CampaignView> create(Member me, @RequestBody CreateRequest request) {
        Campaign created = campaigns.create(me, request.name(), request.description(), request.reports(),
                new SharingRequest(request.tlp(), request.pap(), request.communities(), request.organisations(), request.users()));
        return ResponseEntity.created(URI.create("/api/v1/campaigns/" + created.id())).body(campaigns.view(me, created));
    }

    @GetMapping("/{id}")
    @Operation(summary = "A campaign with the member reports you may see, their techniques, targets and observables")
    Campaigns.CampaignView get(Member me, @PathVariable String id) {
        return campaigns.view(me, campaigns.get(me, id));
    }

    @PostMapping("/{id}/reports")
    @Operation(summary = "Add reports to a campaign (its organisation's analysts): a new version of the campaign")
    Campaigns.CampaignView add(Member me, @PathVariable String id, @RequestBody AddRequest request) {
        return campaigns.view(me, campaigns.addReports(me, id, request.reports()));
    }

    @DeleteMapping("/{id}/reports/{reportId}")
    @Operation(summary = "Remove a report from a campaign: a new version of the campaign")
    Campaigns.CampaignView remove(Member me, @PathVariable String id, @PathVariable String reportId) {
        return campaigns.view(me, campaigns.removeReport(me, id, reportId));
    }

    @GetMapping("/suggestions")
    @Operation(summary = "Campaign suggestions: the largest correlation clusters among the reports you may see (of one election if given)")
    CorrelationClusters.Result suggestions(Member me, @RequestParam(required = false) UUID election,
                                           @RequestParam(defaultValue = "10") int max) {
        return clusters.largest(me, election, Math.max(1, Math.min(max, 50)));
    }
}

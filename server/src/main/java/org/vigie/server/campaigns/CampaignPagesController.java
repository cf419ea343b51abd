package org.vigie.server.campaigns;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.vigie.core.accounts.Member;
import org.vigie.core.reports.Outcome;
import org.vigie.core.sharing.Tlp;
import org.vigie.server.elections.Elections;
import org.vigie.server.knowledge.SharingRequest;
import org.vigie.server.organisations.Organisation;
import org.vigie.server.organisations.Organisations;
import org.vigie.server.reports.CorrelationClusters;
import org.vigie.server.reports.ReportRow;
import org.vigie.server.reports.ReportSets;
import org.vigie.server.sharing.Communities;
import org.vigie.server.sharing.Community;
import org.vigie.server.web.InvalidFieldException;
import org.vigie.server.web.NotFoundException;
import org.vigie.server.web.SvgCharts;

/**
 * Campaign pages: the list with suggestions from correlation clusters, the form (blank, from chosen
 * reports, or from a suggestion), a campaign's page, and the "add to a campaign" box of a report's
 * page (loaded by address, since reports know nothing of campaigns).
 */
@Controller
@RequestMapping("/campaigns")
class CampaignPagesController {

    static final int SUGGESTIONS = 5;

    private final Campaigns campaigns;
    private final CorrelationClusters clusters;
    private final ReportSets reports;
    private final Elections elections;
    private final Organisations organisations;
    private final Communities communities;

    CampaignPagesController(Campaigns campaigns, CorrelationClusters clusters, ReportSets reports, Elections elections,
                            Organisations organisations, Communities communities) {
        this.campaigns = campaigns;
        this.clusters = clusters;
        this.reports = reports;
        this.elections = elections;
        this.organisations = organisations;
        this.communities = communities;
    }

    @GetMapping
    String list(Member me, @RequestParam(required = false) UUID election, Model model) {
        model.addAttribute("campaigns", campaigns.list(me, 1, 200));
        model.addAttribute("suggestions", clusters.largest(me, election, SUGGESTIONS));
        model.addAttribute("election", election);
        model.addAttribute("electionOptions", elections.list());
        model.addAttribute("mayCreate", Campaigns.mayCreate(me));
        return "campaigns/list";
    }

    // ---- creating ------------------------------------------------------------------------------

    /** The form, with reports preselected: those named, or the cluster of a suggestion (an election and one of its reports). */
    @GetMapping("/new")
    String newCampaign(Member me, @RequestParam(required = false) List<String> reports,
                       @RequestParam(required = false) UUID election, @RequestParam(required = false) String seed, Model model) {
        if (!Campaigns.mayCreate(me)) {
            throw new org.vigie.server.web.ForbiddenException("Only analysts and administrators of an organisation create campaigns.");
        }
        List<String> chosen = new ArrayList<>(reports == null ? List.of() : split(reports));
        boolean fromSuggestion = false;
        if (seed != null && !seed.isBlank()) {
            Optional<CorrelationClusters.ReportCluster> cluster = clusters.containing(me, election, seed.strip(), Campaigns.MAX_REPORTS);
            if (cluster.isPresent()) {
                chosen.addAll(cluster.get().reportIds());
                fromSuggestion = true;
                model.addAttribute("suggestedName", suggestedName(cluster.get()));
            } else {
                chosen.add(seed.strip());
            }
        }
        model.addAttribute("fromSuggestion", fromSuggestion);
        return form(me, model, chosen.stream().distinct().toList(), null, null, null, null);
    }

    private static String suggestedName(CorrelationClusters.ReportCluster cluster) {
        return cluster.links().isEmpty() ? "" : cluster.links().get(0).label() != null ? cluster.links().get(0).label()
                : cluster.links().get(0).value();
    }

    @PostMapping
    String create(Member me, @RequestParam(defaultValue = "") String name, @RequestParam(defaultValue = "") String description,
                  @RequestParam(required = false) List<String> reports, @RequestParam(defaultValue = "") String tlp,
                  @RequestParam(required = false) List<UUID> communities, @RequestParam(required = false) List<UUID> organisations,
                  Model model, RedirectAttributes redirect) {
        List<String> chosen = reports == null ? List.of() : split(reports);
        Tlp level = tlp.isBlank() ? null : Tlp.parse(tlp).orElse(null);
        try {
            Campaign created = campaigns.create(me, name, description, chosen, new SharingRequest(level, null,
                    communities == null ? Set.of() : new LinkedHashSet<>(communities),
                    organisations == null ? Set.of() : new LinkedHashSet<>(organisations), Set.of()));
            redirect.addFlashAttribute("created", true);
            return "redirect:/campaigns/" + created.id();
        } catch (InvalidFieldException invalid) {
            model.addAttribute("error", invalid.messageKey());
            model.addAttribute("errorField", invalid.field());
            model.addAttribute("fromSuggestion", false);
            return form(me, model, chosen, name, description, level, communities);
        }
    }

    private String form(Member me, Model model, List<String> chosen, String name, String description, Tlp tlp, List<UUID> shareWith) {
        List<ReportRow> rows = reports.listed(me, chosen);
        model.addAttribute("rows", rows);
        model.addAttribute("name", name != null ? name : model.getAttribute("suggestedName"));
        model.addAttribute("description", description);
        // a campaign shared more widely than its reports would tell their existence: start from the narrowest of them
        model.addAttribute("tlp", tlp != null ? tlp : rows.stream().map(ReportRow::tlp).max(Comparator.naturalOrder()).orElse(Tlp.AMBER));
        model.addAttribute("tlps", Tlp.values());
        model.addAttribute("chosenCommunities", shareWith == null ? List.of() : shareWith);
        model.addAttribute("communityOptions", me.organisation().map(communities::activeCommunitiesOf).orElse(Set.of())
                .stream().map(communities::find).flatMap(Optional::stream)
                .sorted(Comparator.comparing(Community::name, String.CASE_INSENSITIVE_ORDER)).toList());
        model.addAttribute("organisationOptions", organisations.all().stream()
                .sorted(Comparator.comparing(Organisation::name, String.CASE_INSENSITIVE_ORDER)).toList());
        model.addAttribute("maxReports", Campaigns.MAX_REPORTS);
        return "campaigns/form";
    }

    /** Ids as repeated parameters or separated by commas or spaces. */
    static List<String> split(List<String> values) {
        return values.stream().flatMap(v -> Arrays.stream(v.split("[,\\s]+"))).map(String::strip).filter(s -> !s.isEmpty())
                .distinct().toList();
    }

    // ---- a campaign ----------------------------------------------------------------------------

    @GetMapping("/{id}")
    String campaign(Member me, @PathVariable String id, Model model) {
        Campaigns.CampaignView view = campaigns.view(me, campaigns.get(me, id));
        model.addAttribute("c", view);
        model.addAttribute("timeline", SvgCharts.timeline(view.reports().stream().filter(r -> !r.revoked())
                .map(r -> new SvgCharts.MarkSpec(r.id(), r.title(), r.occurred(), "mark-" + r.outcome().key(),
                        "reports.outcome." + r.outcome().name())).toList()));
        model.addAttribute("outcomes", Outcome.values());
        model.addAttribute("organisationNames", organisations.all().stream()
                .collect(java.util.stream.Collectors.toMap(Organisation::id, Organisation::name, (a, b) -> a)));
        model.addAttribute("sharedCommunities", view.communities().stream().map(communities::find).flatMap(Optional::stream)
                .map(Community::name).sorted().toList());
        return "campaigns/campaign";
    }

    /** Adding from a report's page: the campaign is chosen in the form. */
    @PostMapping("/add")
    String addChosen(Member me, @RequestParam String campaign, @RequestParam(required = false) List<String> reports,
                     @RequestParam(required = false) String returnTo, RedirectAttributes redirect) {
        return add(me, campaign, reports, returnTo, redirect);
    }

    @PostMapping("/{id}/reports")
    String add(Member me, @PathVariable String id, @RequestParam(required = false) List<String> reports,
               @RequestParam(required = false) String returnTo, RedirectAttributes redirect) {
        try {
            campaigns.addReports(me, id, reports == null ? List.of() : split(reports));
            redirect.addFlashAttribute("added", true);
        } catch (InvalidFieldException invalid) {
            redirect.addFlashAttribute("error", invalid.messageKey());
        }
        if (returnTo != null && returnTo.matches("/reports/incident--[0-9a-f-]{36}")) {
            return "redirect:" + returnTo + "#report-campaigns";
        }
        return "redirect:/campaigns/" + id;
    }

    @PostMapping("/{id}/reports/{reportId}/remove")
    String remove(Member me, @PathVariable String id, @PathVariable String reportId, RedirectAttributes redirect) {
        campaigns.removeReport(me, id, reportId);
        redirect.addFlashAttribute("removed", true);
        return "redirect:/campaigns/" + id;
    }

    // ---- the box on a report's page ------------------------------------------------------------

    /**
     * The campaigns (the reader may see) that group a report, and a form to add it to one of the
     * reader's organisation's campaigns. A fragment for htmx, a page otherwise.
     */
    @GetMapping("/picker")
    String picker(Member me, @RequestParam String report, @RequestHeader(name = "HX-Request", required = false) String htmx,
                  Model model) {
        List<ReportRow> row = reports.listed(me, List.of(report));
        if (row.isEmpty()) {
            throw new NotFoundException("report", report);
        }
        List<Campaigns.CampaignSummary> containing = campaigns.containing(me, report);
        Set<String> already = new LinkedHashSet<>(containing.stream().map(Campaigns.CampaignSummary::id).toList());
        model.addAttribute("report", row.get(0));
        model.addAttribute("containing", containing);
        model.addAttribute("addable", Campaigns.mayCreate(me)
                ? campaigns.ownedBy(me).stream().filter(c -> !already.contains(c.id())).toList() : List.of());
        model.addAttribute("mayCreate", Campaigns.mayCreate(me));
        return htmx != null ? "campaigns/picker :: picker" : "campaigns/picker";
    }
}

package org.vigie.server.monitoring;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.multipart.MultipartFile;
import org.vigie.core.accounts.Member;
import org.vigie.core.observables.SocialPlatform;
import org.vigie.core.sharing.Tlp;
import org.vigie.detect.coaction.CoActionType;
import org.vigie.detect.input.InputFormat;
import org.vigie.server.reports.InvalidReportException;
import org.vigie.server.reports.Report;
import org.vigie.server.web.FieldException;
import org.vigie.server.web.PayloadTooLarge;

/**
 * The Monitoring pages: start a run (upload with a progress bar when script runs, or a server or shipped
 * dataset), follow it (a status block polled with htmx, a cancel button), explore what it found (groups,
 * the network view, a group's members and evidence) and file a report from a group after a confirm form.
 */
@Controller
class MonitoringPagesController {

    private final MonitoringRuns runs;
    private final DatasetSources sources;
    private final GroupReports groupReports;
    private final org.vigie.server.sharing.Communities communities;

    /** A community the member's organisation may share a run in. */
    record CommunityOption(UUID id, String name) {
    }

    MonitoringPagesController(MonitoringRuns runs, DatasetSources sources, GroupReports groupReports,
                              org.vigie.server.sharing.Communities communities) {
        this.communities = communities;
        this.runs = runs;
        this.sources = sources;
        this.groupReports = groupReports;
    }

    @GetMapping("/monitoring")
    String page(Member me, Model model) {
        return form(me, model, null, null);
    }

    private String form(Member me, Model model, String error, String errorDetail) {
        model.addAttribute("mayRun", MonitoringRuns.mayRun(me));
        model.addAttribute("tlps", Tlp.values());
        model.addAttribute("formats", Arrays.stream(InputFormat.values()).map(InputFormat::key).toList());
        model.addAttribute("types", Arrays.stream(CoActionType.values()).map(CoActionType::key).toList());
        model.addAttribute("defaults", RunSettings.defaults());
        model.addAttribute("bundled", sources.bundled());
        model.addAttribute("serverFilesEnabled", sources.serverFilesEnabled());
        model.addAttribute("serverFiles", sources.serverFiles());
        model.addAttribute("communityOptions", me.organisation().map(communities::activeCommunitiesOf).orElse(java.util.Set.of()).stream()
                .map(communities::find).flatMap(java.util.Optional::stream).map(c -> new CommunityOption(c.id(), c.name()))
                .sorted(java.util.Comparator.comparing(CommunityOption::name, String.CASE_INSENSITIVE_ORDER)).toList());
        model.addAttribute("runs", runs.recent(me, 30));
        model.addAttribute("maxSize", PayloadTooLarge.readable(runs.maxBytes()));
        model.addAttribute("error", error);
        model.addAttribute("errorDetail", errorDetail);
        return "monitoring/index";
    }

    /** Without script (or for a server or shipped dataset): the form as multipart. */
    @PostMapping(path = "/monitoring", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    String start(Member me, Model model, @RequestParam(defaultValue = "upload") String source,
                 @RequestParam(name = "file", required = false) MultipartFile file,
                 @RequestParam(required = false) String serverFile, @RequestParam(required = false) String dataset,
                 @RequestParam(required = false) String format, @RequestParam(name = "types", required = false) List<String> types,
                 @RequestParam(required = false) String window, @RequestParam(required = false) String maxErrors,
                 @RequestParam(required = false) String tlp,
                 @RequestParam(name = "communities", required = false) List<UUID> communities) throws IOException {
        try {
            MonitoringRuns.Choices choices = MonitoringRuns.choices(format, types, window, maxErrors, tlp).sharedWith(communities, null);
            MonitoringRun run = switch (source) {
                case "server" -> runs.startServerFile(me, serverFile, choices);
                case "bundled" -> runs.startBundled(me, dataset, choices);
                default -> {
                    if (file == null || file.isEmpty()) {
                        yield null;
                    }
                    try (InputStream body = file.getInputStream()) {
                        yield runs.startUpload(me, new MonitoringRuns.Upload(file.getOriginalFilename(), file.getSize(), body), choices);
                    }
                }
            };
            if (run == null) {
                return form(me, model, "monitoring.file.required", null);
            }
            return "redirect:/monitoring/runs/" + run.id();
        } catch (FieldException e) {
            return form(me, model, e.messageKey(), e.getBody().getDetail());
        } catch (ErrorResponseException e) {
            if (e.getStatusCode().value() == 403) {
                throw e;
            }
            return form(me, model, "monitoring.start.refused", e.getBody().getDetail());
        }
    }

    /** With script: the file as the request body (the choices in the query); answers where to follow the run. */
    @PostMapping(path = "/monitoring/upload")
    @ResponseBody
    ResponseEntity<Map<String, Object>> uploadBody(Member me, HttpServletRequest request,
                                                   @RequestParam(name = "filename", required = false) String fileName,
                                                   @RequestParam(required = false) String format,
                                                   @RequestParam(name = "types", required = false) List<String> types,
                                                   @RequestParam(required = false) String window,
                                                   @RequestParam(required = false) String maxErrors,
                                                   @RequestParam(required = false) String tlp,
                                                   @RequestParam(name = "communities", required = false) List<UUID> communities)
            throws IOException {
        try (InputStream body = request.getInputStream()) {
            MonitoringRun run = runs.startUpload(me, new MonitoringRuns.Upload(fileName, request.getContentLengthLong(), body),
                    MonitoringRuns.choices(format, types, window, maxErrors, tlp).sharedWith(communities, null));
            return ResponseEntity.accepted().body(Map.of("run", "/monitoring/runs/" + run.id()));
        } catch (ErrorResponseException e) {
            return ResponseEntity.status(e.getStatusCode()).body(Map.of("error", String.valueOf(e.getBody().getDetail())));
        }
    }

    @GetMapping("/monitoring/runs/{id}")
    String run(Member me, @PathVariable UUID id, Model model) {
        MonitoringRun run = runs.get(me, id);
        status(me, run, model);
        model.addAttribute("groups", runs.groups(me, id, 0, 200));
        return "monitoring/run";
    }

    private void status(Member me, MonitoringRun run, Model model) {
        model.addAttribute("run", run);
        model.addAttribute("mayCancel", MonitoringRuns.mayCancel(me, run));
    }

    /** The run's status block, polled by htmx while it runs; once it has ended, the whole page is reloaded to show the results. */
    @GetMapping("/monitoring/runs/{id}/status")
    String status(Member me, @PathVariable UUID id, Model model, jakarta.servlet.http.HttpServletResponse response) {
        MonitoringRun run = runs.status(me, id);
        if (run.state().finished()) {
            response.setHeader("HX-Refresh", "true");
        }
        status(me, run, model);
        return "monitoring/run :: status";
    }

    @PostMapping("/monitoring/runs/{id}/cancel")
    String cancel(Member me, @PathVariable UUID id, HttpServletRequest request, Model model,
                  jakarta.servlet.http.HttpServletResponse response) {
        try {
            runs.cancel(me, id);
        } catch (org.vigie.server.web.ConflictException ended) {
            // it ended meanwhile: the page shows how
        }
        if (request.getHeader("HX-Request") != null) {
            return status(me, id, model, response);
        }
        return "redirect:/monitoring/runs/" + id;
    }

    @GetMapping("/monitoring/runs/{id}/network")
    String network(Member me, @PathVariable UUID id, @RequestParam(required = false) Integer group, Model model) {
        MonitoringRun run = runs.get(me, id);
        RunResults.Network network = runs.network(me, id, group);
        model.addAttribute("run", run);
        model.addAttribute("group", group);
        model.addAttribute("network", network);
        model.addAttribute("graphEdges", MonitoringRuns.GRAPH_EDGES);
        return "monitoring/network";
    }

    /** The network view's data, for the graph script (the page's session, not an API token). */
    @GetMapping("/monitoring/runs/{id}/network.json")
    @ResponseBody
    RunResults.Network networkJson(Member me, @PathVariable UUID id, @RequestParam(required = false) Integer group) {
        return runs.network(me, id, group);
    }

    @GetMapping("/monitoring/runs/{id}/groups/{group}")
    String group(Member me, @PathVariable UUID id, @PathVariable int group, Model model) {
        model.addAttribute("run", runs.get(me, id));
        model.addAttribute("group", runs.group(me, id, group));
        model.addAttribute("members", runs.members(me, id, group, 1000));
        model.addAttribute("mayReport", MonitoringRuns.mayRun(me));
        return "monitoring/group";
    }

    @GetMapping("/monitoring/runs/{id}/groups/{group}/report")
    String reportForm(Member me, @PathVariable UUID id, @PathVariable int group, @RequestParam(required = false) String platform,
                      Model model) {
        return reportForm(me, id, group, platform, model, null, null, null, null);
    }

    private String reportForm(Member me, UUID id, int group, String platform, Model model, String title, String summary, Tlp tlp,
                              List<String> errors) {
        GroupReports.Proposal proposal = groupReports.propose(me, id, group, platform);
        model.addAttribute("proposal", proposal);
        model.addAttribute("reportTitle", title == null ? proposal.title() : title);
        model.addAttribute("reportSummary", summary == null ? proposal.summary() : summary);
        model.addAttribute("chosenTlp", tlp == null ? proposal.tlp() : tlp);
        model.addAttribute("tlps", Tlp.values());
        model.addAttribute("platforms", Arrays.stream(SocialPlatform.values()).map(SocialPlatform::key).toList());
        model.addAttribute("errors", errors == null ? List.of() : errors);
        return "monitoring/report";
    }

    @PostMapping("/monitoring/runs/{id}/groups/{group}/report")
    String fileReport(Member me, @PathVariable UUID id, @PathVariable int group, @RequestParam(defaultValue = "") String title,
                      @RequestParam(defaultValue = "") String summary, @RequestParam(required = false) String tlp,
                      @RequestParam(defaultValue = "false") boolean suggestTechnique, @RequestParam(required = false) String platform,
                      Model model) {
        Tlp level = tlp == null || tlp.isBlank() ? null : Tlp.parse(tlp).orElse(null);
        try {
            Report report = groupReports.file(me, id, group, new GroupReports.Request(title, summary, level, suggestTechnique, platform));
            return "redirect:/reports/" + report.id();
        } catch (InvalidReportException e) {
            return reportForm(me, id, group, platform, model, title, summary, level,
                    e.faults().stream().map(f -> f.field() + ": " + f.detail()).toList());
        } catch (ErrorResponseException e) {
            if (e.getStatusCode().value() == 404) {
                throw e;
            }
            return reportForm(me, id, group, platform, model, title, summary, level, List.of(String.valueOf(e.getBody().getDetail())));
        }
    }
}

package org.vigie.server.monitoring;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.vigie.core.accounts.Member;
import org.vigie.core.sharing.Tlp;
import org.vigie.server.reports.Report;
import org.vigie.server.web.InvalidFieldException;

@RestController
@RequestMapping("/api/v1/monitoring")
@Tag(name = "Monitoring", description = "Detection of coordinated behaviour in datasets of posts, as jobs; the groups found; reports from groups")
class MonitoringApiController {

    private final MonitoringRuns runs;
    private final GroupReports groupReports;

    MonitoringApiController(MonitoringRuns runs, GroupReports groupReports) {
        this.runs = runs;
        this.groupReports = groupReports;
    }

    @PostMapping(path = "/runs", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Start a detection run on the multipart field 'file' (within the upload limit of every form), or on serverFile= / dataset=",
            description = "format= (vigie-csv, vigie-jsonl, coortweet, multi-platform, network-toolkit or auto), type= (repeatable or comma "
                    + "separated co-action keys; default all but co-domain), window= (seconds or auto), maxErrors= (1% or a count), tlp= "
                    + "(default AMBER), community= (GREEN: communities your organisation is active in) and organisation= (GREEN or AMBER: "
                    + "recipient organisations), repeatable. 202 with the run's Location; poll it. 400 naming the field, 413 above the limit, 503 when too many "
                    + "runs wait.")
    ResponseEntity<Map<String, Object>> startMultipart(Member me, @RequestParam(name = "file", required = false) MultipartFile file,
                                                       @RequestParam(required = false) String serverFile,
                                                       @RequestParam(required = false) String dataset,
                                                       @RequestParam(required = false) String format,
                                                       @RequestParam(name = "type", required = false) List<String> types,
                                                       @RequestParam(required = false) String window,
                                                       @RequestParam(required = false) String maxErrors,
                                                       @RequestParam(required = false) String tlp,
                                                       @RequestParam(name = "community", required = false) List<UUID> communities,
                                                       @RequestParam(name = "organisation", required = false) List<UUID> organisations)
            throws IOException {
        MonitoringRuns.Choices choices = MonitoringRuns.choices(format, types, window, maxErrors, tlp).sharedWith(communities, organisations);
        if (file != null && !file.isEmpty()) {
            try (InputStream body = file.getInputStream()) {
                return accepted(runs.startUpload(me, new MonitoringRuns.Upload(file.getOriginalFilename(), file.getSize(), body), choices));
            }
        }
        return accepted(startNamed(me, serverFile, dataset, choices));
    }

    @PostMapping(path = "/runs", consumes = {"text/csv", "application/gzip", "application/x-gzip", "application/octet-stream",
            "application/x-ndjson", "application/jsonl", "text/plain"})
    @Operation(summary = "Start a detection run on the request body (CSV or JSON Lines, plain or gzipped), streamed, up to vigie.monitoring.max-size",
            description = "The same parameters as the multipart form, plus filename= to name the run's source.")
    ResponseEntity<Map<String, Object>> startBody(Member me, HttpServletRequest request,
                                                  @RequestParam(name = "filename", required = false) String fileName,
                                                  @RequestParam(required = false) String format,
                                                  @RequestParam(name = "type", required = false) List<String> types,
                                                  @RequestParam(required = false) String window,
                                                  @RequestParam(required = false) String maxErrors,
                                                  @RequestParam(required = false) String tlp,
                                                  @RequestParam(name = "community", required = false) List<UUID> communities,
                                                  @RequestParam(name = "organisation", required = false) List<UUID> organisations)
            throws IOException {
        MonitoringRuns.Choices choices = MonitoringRuns.choices(format, types, window, maxErrors, tlp).sharedWith(communities, organisations);
        try (InputStream body = request.getInputStream()) {
            return accepted(runs.startUpload(me, new MonitoringRuns.Upload(fileName, request.getContentLengthLong(), body), choices));
        }
    }

    @PostMapping(path = "/runs")
    @Operation(summary = "Start a detection run on a file of the server's datasets directory (serverFile=, relative) or a shipped dataset (dataset=)")
    ResponseEntity<Map<String, Object>> startNamed(Member me, @RequestParam(required = false) String serverFile,
                                                   @RequestParam(required = false) String dataset,
                                                   @RequestParam(required = false) String format,
                                                   @RequestParam(name = "type", required = false) List<String> types,
                                                   @RequestParam(required = false) String window,
                                                   @RequestParam(required = false) String maxErrors,
                                                   @RequestParam(required = false) String tlp,
                                                   @RequestParam(name = "community", required = false) List<UUID> communities,
                                                   @RequestParam(name = "organisation", required = false) List<UUID> organisations) {
        return accepted(startNamed(me, serverFile, dataset, MonitoringRuns.choices(format, types, window, maxErrors, tlp)
                .sharedWith(communities, organisations)));
    }

    private MonitoringRun startNamed(Member me, String serverFile, String dataset, MonitoringRuns.Choices choices) {
        boolean hasFile = serverFile != null && !serverFile.isBlank();
        boolean hasDataset = dataset != null && !dataset.isBlank();
        if (hasFile == hasDataset) {
            throw new InvalidFieldException("file", "monitoring.source.required",
                    "Send a dataset as the multipart field 'file' or as the body, or name exactly one of serverFile= and dataset=.");
        }
        return hasFile ? runs.startServerFile(me, serverFile, choices) : runs.startBundled(me, dataset, choices);
    }

    private static ResponseEntity<Map<String, Object>> accepted(MonitoringRun run) {
        return ResponseEntity.accepted().location(URI.create("/api/v1/monitoring/runs/" + run.id())).body(view(run));
    }

    @GetMapping("/runs")
    @Operation(summary = "The runs you may see, newest first")
    Map<String, Object> recent(Member me, @RequestParam(defaultValue = "20") int limit) {
        return Map.of("runs", runs.recent(me, limit).stream().map(MonitoringApiController::view).toList());
    }

    @GetMapping("/runs/{id}")
    @Operation(summary = "A run: state, progress (stage, done, total), settings, the first bad rows, and once finished its summary")
    Map<String, Object> run(Member me, @PathVariable UUID id) {
        return view(runs.get(me, id));
    }

    @PostMapping("/runs/{id}/cancel")
    @Operation(summary = "Cancel a queued or running run: it stores nothing. 403 if not your organisation's, 409 if it has ended")
    ResponseEntity<Map<String, Object>> cancel(Member me, @PathVariable UUID id) {
        return ResponseEntity.accepted().body(view(runs.cancel(me, id)));
    }

    @GetMapping("/runs/{id}/groups")
    @Operation(summary = "The groups a run found, heaviest first: size, platforms, co-actions, top shared objects, time span")
    Map<String, Object> groups(Member me, @PathVariable UUID id, @RequestParam(defaultValue = "0") int offset,
                               @RequestParam(defaultValue = "100") int limit) {
        return Map.of("groups", runs.groups(me, id, offset, limit).stream().map(g -> groupView(id, g, false)).toList());
    }

    @GetMapping("/runs/{id}/groups/{group}")
    @Operation(summary = "One group with its members (by score) and its evidence posts")
    Map<String, Object> group(Member me, @PathVariable UUID id, @PathVariable int group) {
        Map<String, Object> view = groupView(id, runs.group(me, id, group), true);
        view.put("members", runs.members(me, id, group, 10_000));
        return view;
    }

    @GetMapping("/runs/{id}/network")
    @Operation(summary = "The network of a run as JSON nodes and edges: the heaviest edges inside groups (of one group with ?group=)",
            description = "truncated is true when more edges exist inside groups than the " + MonitoringRuns.GRAPH_EDGES + " returned.")
    RunResults.Network network(Member me, @PathVariable UUID id, @RequestParam(required = false) Integer group) {
        return runs.network(me, id, group);
    }

    /** The API's choices for a report from a group; every field optional. */
    record ReportRequest(String title, String summary, String tlp, Boolean suggestTechnique, String platform) {
    }

    @PostMapping("/runs/{id}/groups/{group}/report")
    @Operation(summary = "File an incident report from a group: its accounts as social-account observables, its links as url "
            + "observables, DISARM T0049 suggested, the summary citing the run; through the reports service (correlation, alerts)",
            description = "Body (all optional): title, summary, tlp (default the run's), suggestTechnique (default true), platform "
                    + "(for accounts the dataset gives no platform for). 201 with the report's Location.")
    ResponseEntity<Map<String, Object>> report(Member me, @PathVariable UUID id, @PathVariable int group,
                                               @RequestBody(required = false) ReportRequest request) {
        ReportRequest asked = request == null ? new ReportRequest(null, null, null, null, null) : request;
        Tlp tlp = asked.tlp() == null || asked.tlp().isBlank() ? null : Tlp.parse(asked.tlp()).orElseThrow(() ->
                new InvalidFieldException("tlp", "monitoring.tlp.unknown", "'" + asked.tlp() + "' is not a TLP 2.0 level."));
        Report report = groupReports.file(me, id, group, new GroupReports.Request(asked.title(), asked.summary(), tlp,
                asked.suggestTechnique(), asked.platform()));
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", report.id());
        view.put("title", report.content().title());
        view.put("observables", report.content().observables());
        view.put("disarmTechniques", report.content().disarmTechniques());
        view.put("links", Map.of("report", "/api/v1/reports/" + report.id(), "related", "/api/v1/reports/" + report.id() + "/related"));
        return ResponseEntity.created(URI.create("/api/v1/reports/" + report.id())).body(view);
    }

    static Map<String, Object> view(MonitoringRun run) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", run.id());
        view.put("state", run.state());
        view.put("ownerOrganisation", run.ownerOrganisation());
        view.put("tlp", run.tlp());
        view.put("communities", run.distribution().communities());
        view.put("organisations", run.distribution().organisations());
        view.put("source", run.source());
        view.put("sourceName", run.sourceName());
        view.put("format", run.format() == null ? "auto" : run.format());
        view.put("formatRead", run.formatRead());
        view.put("settings", run.settings());
        Map<String, Object> progress = new LinkedHashMap<>();
        progress.put("stage", run.progress().stage());
        progress.put("done", run.progress().done());
        progress.put("total", run.progress().total());
        progress.put("percent", run.progress().percent());
        view.put("progress", progress);
        view.put("bytes", run.bytesTotal());
        view.put("cancelRequested", run.cancelRequested() && !run.state().finished());
        view.put("error", run.error());
        view.put("rowErrors", run.rowErrors());
        view.put("summary", run.summary());
        view.put("edgesTruncated", run.edgesTruncated());
        view.put("createdAt", run.createdAt());
        view.put("startedAt", run.startedAt());
        view.put("finishedAt", run.finishedAt());
        String self = "/api/v1/monitoring/runs/" + run.id();
        view.put("links", Map.of("self", self, "cancel", self + "/cancel", "groups", self + "/groups", "network", self + "/network",
                "page", "/monitoring/runs/" + run.id()));
        return view;
    }

    private static Map<String, Object> groupView(UUID run, RunResults.Group group, boolean evidence) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("number", group.number());
        view.put("size", group.size());
        view.put("edges", group.edges());
        view.put("weight", group.weight());
        view.put("density", group.density());
        view.put("platforms", group.platforms());
        view.put("pairsByType", group.pairsByType());
        view.put("topObjects", group.topObjects());
        view.put("firstSeen", group.firstSeen());
        view.put("lastSeen", group.lastSeen());
        if (evidence) {
            view.put("evidence", group.evidence());
        }
        String self = "/api/v1/monitoring/runs/" + run + "/groups/" + group.number();
        view.put("links", Map.of("self", self, "report", self + "/report", "network", "/api/v1/monitoring/runs/" + run + "/network?group="
                + group.number()));
        return view;
    }
}

package org.vigie.server.imports;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.core.io.FileSystemResource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.vigie.core.accounts.Member;
import org.vigie.core.sharing.Pap;
import org.vigie.core.sharing.Tlp;
import org.vigie.server.knowledge.SharingRequest;
import org.vigie.server.web.InvalidFieldException;

@RestController
@RequestMapping("/api/v1/import")
@Tag(name = "Import", description = "STIX 2.1 bundles into the knowledge store: streamed, validated, idempotent, as jobs with a per-object report")
class ImportApiController {

    private final ImportJobs jobs;

    ImportApiController(ImportJobs jobs) {
        this.jobs = jobs;
    }

    @PostMapping(path = "/stix", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Import a STIX 2.1 bundle sent as the multipart field 'file' (within the upload limit of every form)",
            description = "Same parameters and answers as the raw-body form.")
    ResponseEntity<Object> importFile(Member me, @RequestParam("file") MultipartFile file,
                                      @RequestParam(required = false) String tlp, @RequestParam(required = false) String pap,
                                      @RequestParam(name = "community", required = false) List<UUID> communities,
                                      @RequestParam(name = "organisation", required = false) List<UUID> organisations,
                                      @RequestParam(name = "user", required = false) List<UUID> users,
                                      @RequestParam(defaultValue = "false") boolean partial,
                                      @RequestParam(defaultValue = "false") boolean async) throws IOException {
        SharingRequest sharing = sharing(tlp, pap, communities, organisations, users);
        try (InputStream body = file.getInputStream()) {
            return answer(jobs.importStix(me, new ImportJobs.Upload(file.getOriginalFilename(), file.getSize(), body), sharing, partial, async),
                    async);
        }
    }

    @PostMapping(path = "/stix")
    @Operation(summary = "Import a STIX 2.1 bundle sent as the request body (application/json), streamed, up to vigie.import.max-size",
            description = "Objects without a TLP marking take ?tlp= (and ?pap=); ?community=, ?organisation=, ?user= (repeatable) give the "
                    + "distribution of every object. All or nothing unless ?partial=true. Synchronous: 200 with the report when stored, "
                    + "422 when objects were refused (nothing stored), 400 when the file is not a JSON bundle. ?async=true: 202 with the "
                    + "job's Location, to poll. 413 above the limit.")
    ResponseEntity<Object> importBody(Member me, HttpServletRequest request,
                                      @RequestParam(required = false) String tlp, @RequestParam(required = false) String pap,
                                      @RequestParam(name = "community", required = false) List<UUID> communities,
                                      @RequestParam(name = "organisation", required = false) List<UUID> organisations,
                                      @RequestParam(name = "user", required = false) List<UUID> users,
                                      @RequestParam(defaultValue = "false") boolean partial,
                                      @RequestParam(defaultValue = "false") boolean async,
                                      @RequestParam(name = "filename", required = false) String fileName) throws IOException {
        SharingRequest sharing = sharing(tlp, pap, communities, organisations, users);
        try (InputStream body = request.getInputStream()) {
            return answer(jobs.importStix(me, new ImportJobs.Upload(fileName, request.getContentLengthLong(), body), sharing, partial, async),
                    async);
        }
    }

    @GetMapping("/jobs")
    @Operation(summary = "The recent imports of your organisation, newest first")
    Map<String, Object> recent(Member me, @RequestParam(defaultValue = "20") int limit) {
        return Map.of("jobs", jobs.recent(me, limit).stream().map(j -> view(j, jobs.cancelRequested(j.id()))).toList());
    }

    @GetMapping("/jobs/{id}")
    @Operation(summary = "An import of your organisation: state, progress (bytes read, objects validated and written), counts, rejected objects")
    Map<String, Object> job(Member me, @PathVariable UUID id) {
        return view(jobs.get(me, id), jobs.cancelRequested(id));
    }

    @DeleteMapping("/jobs/{id}")
    @Operation(summary = "Cancel a running import: it rolls back, nothing is stored; 409 if it has finished")
    ResponseEntity<Map<String, Object>> cancel(Member me, @PathVariable UUID id) {
        return ResponseEntity.accepted().body(view(jobs.cancel(me, id), true));
    }

    @PostMapping("/jobs/{id}/cancel")
    @Operation(summary = "Cancel a running import (the same as DELETE)")
    ResponseEntity<Map<String, Object>> cancelByPost(Member me, @PathVariable UUID id) {
        return cancel(me, id);
    }

    @GetMapping(path = "/jobs/{id}/report")
    @Operation(summary = "The per-object report of a finished import, as JSON Lines: index, id, modified, status, problems")
    ResponseEntity<FileSystemResource> report(Member me, @PathVariable UUID id) throws IOException {
        Path path = jobs.report(me, id);
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType("application/x-ndjson"))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"import-" + id + ".jsonl\"")
                .contentLength(Files.size(path))
                .body(new FileSystemResource(path));
    }

    private ResponseEntity<Object> answer(ImportJob job, boolean async) {
        URI location = URI.create("/api/v1/import/jobs/" + job.id());
        if (async) {
            return ResponseEntity.accepted().location(location).body(view(job, false));
        }
        return switch (job.state()) {
            case SUCCEEDED -> ResponseEntity.ok().location(location).body(view(job, false));
            case REJECTED -> problem(HttpStatus.UNPROCESSABLE_ENTITY, "Invalid STIX", job, location);
            case FAILED -> problem(HttpStatus.BAD_REQUEST, "Invalid bundle", job, location);
            default -> problem(HttpStatus.CONFLICT, "Import cancelled", job, location);
        };
    }

    private static ResponseEntity<Object> problem(HttpStatus status, String title, ImportJob job, URI location) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, job.error());
        problem.setTitle(title);
        problem.setProperty("errors", job.problems().stream()
                .flatMap(r -> r.problems().stream().map(p -> Map.of("index", r.index(), "id", String.valueOf(r.id()),
                        "pointer", p.pointer(), "message", p.message())))
                .limit(StixImport.MAX_LISTED)
                .toList());
        problem.setProperty("job", view(job, false));
        return ResponseEntity.status(status).location(location).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    static Map<String, Object> view(ImportJob job, boolean cancelRequested) {
        ImportJob.Counts c = job.counts();
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", job.id());
        view.put("format", job.format());
        view.put("state", job.state());
        view.put("committed", job.committed());
        view.put("cancelRequested", cancelRequested && !job.state().finished());
        view.put("fileName", job.fileName());
        view.put("partial", job.partial());
        view.put("sharing", job.sharing());
        view.put("progress", Map.of("bytesTotal", c.bytesTotal(), "bytesRead", c.bytesRead(), "objectsRead", c.objectsRead(),
                "objectsValidated", c.objectsValidated(), "objectsWritten", c.objectsWritten()));
        view.put("counts", Map.of("stored", c.stored(), "newVersions", c.newVersions(), "unchanged", c.unchanged(),
                "rejected", c.rejected(), "reports", c.reports()));
        view.put("error", job.error());
        view.put("rejected", job.problems());
        view.put("rejectedListed", job.problems().size());
        view.put("createdAt", job.createdAt());
        view.put("finishedAt", job.finishedAt());
        view.put("links", Map.of("self", "/api/v1/import/jobs/" + job.id(), "report", "/api/v1/import/jobs/" + job.id() + "/report",
                "cancel", "/api/v1/import/jobs/" + job.id() + "/cancel"));
        return view;
    }

    static SharingRequest sharing(String tlp, String pap, List<UUID> communities, List<UUID> organisations, List<UUID> users) {
        return new SharingRequest(
                tlp == null || tlp.isBlank() ? null : Tlp.parse(tlp).orElseThrow(() -> new InvalidFieldException("tlp", "knowledge.tlp.invalid",
                        "'" + tlp + "' is not a TLP 2.0 level: CLEAR, GREEN, AMBER, AMBER_STRICT or RED.")),
                pap == null || pap.isBlank() ? null : Pap.parse(pap).orElseThrow(() -> new InvalidFieldException("pap", "knowledge.pap.invalid",
                        "'" + pap + "' is not a PAP level: CLEAR, GREEN, AMBER or RED.")),
                set(communities), set(organisations), set(users));
    }

    private static Set<UUID> set(List<UUID> ids) {
        return ids == null ? Set.of() : new LinkedHashSet<>(ids);
    }
}

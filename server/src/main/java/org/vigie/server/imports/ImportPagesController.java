package org.vigie.server.imports;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.core.io.FileSystemResource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.vigie.core.accounts.Member;
import org.vigie.core.accounts.Permission;
import org.vigie.core.accounts.Permissions;
import org.vigie.core.sharing.Pap;
import org.vigie.core.sharing.Tlp;
import org.vigie.server.sharing.Communities;
import org.vigie.server.web.FieldException;
import org.vigie.server.web.ForbiddenException;

/**
 * The Import page: choose a file and the sharing for objects that carry none, then follow the job
 * (a progress bar polled with htmx, a cancel button) to its result: counts and rejected objects with
 * their problems. With script the file goes up as the request body, with an upload progress bar and
 * up to {@code vigie.import.max-size}; without, as a plain form within the upload limit of every form.
 */
@Controller
class ImportPagesController {

    private final ImportJobs jobs;
    private final Communities communities;

    ImportPagesController(ImportJobs jobs, Communities communities) {
        this.jobs = jobs;
        this.communities = communities;
    }

    /** A community the member's organisation may share in. */
    record CommunityOption(UUID id, String name) {
    }

    @GetMapping("/import")
    String page(Member me, Model model) {
        ensureMayImport(me);
        return form(me, model, null);
    }

    private String form(Member me, Model model, String error) {
        model.addAttribute("tlps", Tlp.values());
        model.addAttribute("paps", Pap.values());
        model.addAttribute("communityOptions", me.organisation().map(communities::activeCommunitiesOf).orElse(java.util.Set.of())
                .stream().map(communities::find).flatMap(Optional::stream)
                .map(c -> new CommunityOption(c.id(), c.name()))
                .sorted(Comparator.comparing(CommunityOption::name, String.CASE_INSENSITIVE_ORDER)).toList());
        model.addAttribute("jobs", jobs.recent(me, 20));
        model.addAttribute("maxSize", org.vigie.server.web.PayloadTooLarge.readable(jobs.maxBytes()));
        model.addAttribute("error", error);
        return "imports/import";
    }

    /** Without script: the form's multipart upload. */
    @PostMapping(path = "/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    String upload(Member me, Model model, @RequestParam("file") MultipartFile file, @RequestParam(required = false) String tlp,
                  @RequestParam(required = false) String pap, @RequestParam(name = "communities", required = false) List<UUID> chosen,
                  @RequestParam(defaultValue = "false") boolean partial, RedirectAttributes redirect) throws IOException {
        ensureMayImport(me);
        if (file.isEmpty()) {
            return form(me, model, "imports.file.required");
        }
        try (InputStream body = file.getInputStream()) {
            ImportJob job = jobs.importStix(me, new ImportJobs.Upload(file.getOriginalFilename(), file.getSize(), body),
                    ImportApiController.sharing(tlp, pap, chosen, null, null), partial, true);
            return "redirect:/import/jobs/" + job.id();
        } catch (FieldException e) {
            model.addAttribute("errorDetail", e.getBody().getDetail());
            return form(me, model, "imports.sharing.refused");
        }
    }

    /** With script: the file as the request body (the sharing in the query); answers where to follow the job. */
    @PostMapping(path = "/import/upload")
    @ResponseBody
    ResponseEntity<Map<String, Object>> uploadBody(Member me, HttpServletRequest request, @RequestParam(required = false) String tlp,
                                                   @RequestParam(required = false) String pap,
                                                   @RequestParam(name = "communities", required = false) List<UUID> chosen,
                                                   @RequestParam(defaultValue = "false") boolean partial,
                                                   @RequestParam(name = "filename", required = false) String fileName) throws IOException {
        ensureMayImport(me);
        try (InputStream body = request.getInputStream()) {
            ImportJob job = jobs.importStix(me, new ImportJobs.Upload(fileName, request.getContentLengthLong(), body),
                    ImportApiController.sharing(tlp, pap, chosen, null, null), partial, true);
            return ResponseEntity.accepted().body(Map.of("job", "/import/jobs/" + job.id()));
        } catch (org.springframework.web.ErrorResponseException e) {
            return ResponseEntity.status(e.getStatusCode()).body(Map.of("error", String.valueOf(e.getBody().getDetail())));
        }
    }

    @GetMapping("/import/jobs/{id}")
    String job(Member me, @PathVariable UUID id, Model model) {
        model.addAttribute("job", jobs.get(me, id));
        model.addAttribute("cancelRequested", jobs.cancelRequested(id));
        model.addAttribute("mayCancel", Permissions.allows(me, Permission.KNOWLEDGE_SHARE));
        return "imports/job";
    }

    /** The job's status block, polled by htmx while the job runs (it stops polling once the job has ended). */
    @GetMapping("/import/jobs/{id}/status")
    String status(Member me, @PathVariable UUID id, Model model) {
        job(me, id, model);
        return "imports/job :: status";
    }

    @PostMapping("/import/jobs/{id}/cancel")
    String cancel(Member me, @PathVariable UUID id, HttpServletRequest request, Model model) {
        try {
            jobs.cancel(me, id);
        } catch (org.springframework.web.ErrorResponseException finished) {
            // it ended meanwhile: the page shows how
        }
        if (request.getHeader("HX-Request") != null) {
            return status(me, id, model);
        }
        return "redirect:/import/jobs/" + id;
    }

    @GetMapping("/import/jobs/{id}/report")
    ResponseEntity<FileSystemResource> report(Member me, @PathVariable UUID id) {
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType("application/x-ndjson"))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"import-" + id + ".jsonl\"")
                .body(new FileSystemResource(jobs.report(me, id)));
    }

    private static void ensureMayImport(Member me) {
        if (!Permissions.allows(me, Permission.KNOWLEDGE_SHARE)) {
            throw new ForbiddenException("Only analysts and administrators of an organisation import objects.");
        }
    }
}

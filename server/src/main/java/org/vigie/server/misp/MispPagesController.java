package org.vigie.server.misp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.vigie.core.accounts.Member;
import org.vigie.core.accounts.Permission;
import org.vigie.core.accounts.Permissions;
import org.vigie.core.sharing.Pap;
import org.vigie.core.sharing.Tlp;
import org.vigie.server.organisations.Organisation;
import org.vigie.server.organisations.Organisations;
import org.vigie.server.sharing.Communities;
import org.vigie.server.web.FieldException;
import org.vigie.server.web.ForbiddenException;

/**
 * The MISP import page ({@code /import/misp}: a file or pasted JSON, the sharing for events that
 * carry no TLP tag, the per-event result) and the report page's MISP export download. Both go
 * through the same services as the API.
 */
@Controller
class MispPagesController {

    private static final String VIEW = "misp/import";

    private final MispImport imports;
    private final MispExport export;
    private final Communities communities;
    private final Organisations organisations;
    private final ObjectMapper json;

    MispPagesController(MispImport imports, MispExport export, Communities communities, Organisations organisations, ObjectMapper json) {
        this.imports = imports;
        this.export = export;
        this.communities = communities;
        this.organisations = organisations;
        this.json = json;
    }

    /** What the person chose, echoed back into the form. */
    record Choices(String text, String tlp, String pap, List<UUID> communities, List<UUID> organisations, boolean partial) {

        Choices {
            communities = communities == null ? List.of() : List.copyOf(communities);
            organisations = organisations == null ? List.of() : List.copyOf(organisations);
        }
    }

    record Option(UUID id, String name) {
    }

    @GetMapping("/import/misp")
    String form(Member me, Model model) {
        ensureMayImport(me);
        return page(me, model, new Choices("", "", "", List.of(), List.of(), false));
    }

    @PostMapping("/import/misp")
    String importMisp(Member me, @RequestParam(defaultValue = "") String text, @RequestParam(required = false) MultipartFile file,
                      @RequestParam(defaultValue = "") String tlp, @RequestParam(defaultValue = "") String pap,
                      @RequestParam(name = "communities", required = false) List<UUID> communityIds,
                      @RequestParam(name = "organisations", required = false) List<UUID> organisationIds,
                      @RequestParam(defaultValue = "false") boolean partial, Model model) {
        ensureMayImport(me);
        Choices choices = new Choices(text, tlp, pap, communityIds, organisationIds, partial);
        try {
            byte[] body;
            if (file != null && !file.isEmpty()) {
                if (file.getSize() > MispApiController.MAX_BODY_BYTES) {
                    model.addAttribute("error", "misp.import.tooLarge");
                    return page(me, model, choices);
                }
                body = file.getBytes();
            } else {
                body = text.getBytes(StandardCharsets.UTF_8);
            }
            if (body.length == 0) {
                model.addAttribute("error", "misp.import.empty");
                return page(me, model, choices);
            }
            JsonNode events = MispJson.read(json, body);
            MispImport.Outcome outcome = imports.importEvents(me, events,
                    MispApiController.sharing(tlp, pap, communityIds, organisationIds, List.of()), partial);
            model.addAttribute("outcome", outcome);
        } catch (MispRejectedException e) {
            model.addAttribute("faults", e.faults());
        } catch (FieldException e) {
            model.addAttribute("problem", e.getBody().getDetail());
        } catch (ErrorResponseException e) {
            model.addAttribute("problem", e.getBody().getDetail());
        } catch (IOException e) {
            model.addAttribute("problem", e.getMessage());
        }
        return page(me, model, choices);
    }

    @GetMapping(path = "/reports/{id}/misp")
    ResponseEntity<byte[]> download(Member me, @PathVariable String id) throws IOException {
        ObjectNode event = export.export(me, id, ServletUriComponentsBuilder.fromCurrentContextPath().path("/reports/{id}")
                .buildAndExpand(id).toUriString());
        byte[] body = json.writerWithDefaultPrettyPrinter().writeValueAsBytes(event);
        String name = "misp-" + event.path("Event").path("uuid").asText(id) + ".json";
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name).build().toString())
                .contentType(MediaType.APPLICATION_JSON)
                .body(body);
    }

    private String page(Member me, Model model, Choices choices) {
        model.addAttribute("choices", choices);
        model.addAttribute("tlps", Tlp.values());
        model.addAttribute("paps", Pap.values());
        model.addAttribute("communityOptions", me.organisation().map(communities::activeCommunitiesOf).orElse(java.util.Set.of())
                .stream().map(communities::find).flatMap(Optional::stream).map(c -> new Option(c.id(), c.name()))
                .sorted(Comparator.comparing(Option::name, String.CASE_INSENSITIVE_ORDER)).toList());
        model.addAttribute("organisationOptions", organisations.all().stream()
                .sorted(Comparator.comparing(Organisation::name, String.CASE_INSENSITIVE_ORDER))
                .map(o -> new Option(o.id(), o.name())).toList());
        return VIEW;
    }

    private static void ensureMayImport(Member me) {
        if (!Permissions.allows(me, Permission.KNOWLEDGE_SHARE)) {
            throw new ForbiddenException("Only analysts and administrators of an organisation import reports.");
        }
    }
}

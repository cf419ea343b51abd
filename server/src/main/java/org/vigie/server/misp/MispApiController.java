package org.vigie.server.misp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.MultipartHttpServletRequest;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.vigie.core.accounts.Member;
import org.vigie.core.sharing.Pap;
import org.vigie.core.sharing.Tlp;
import org.vigie.server.knowledge.SharingRequest;
import org.vigie.server.web.InvalidFieldException;

@RestController
@Tag(name = "MISP", description = "MISP event JSON import (events become reports) and export of a report as a MISP event")
class MispApiController {

    /** A MISP event file is read whole (events are documents, not feeds): this bounds the memory one import takes. */
    static final int MAX_BODY_BYTES = 20 * 1024 * 1024;

    private final MispImport imports;
    private final MispExport export;
    private final ObjectMapper json;

    MispApiController(MispImport imports, MispExport export, ObjectMapper json) {
        this.imports = imports;
        this.export = export;
        this.json = json;
    }

    @PostMapping("/api/v1/import/misp")
    @Operation(summary = "Import MISP events as reports",
            description = "Body: MISP event JSON ({\"Event\":…}, {\"response\":[…]} or a bare event), raw or as the multipart part 'file'. "
                    + "An event's tlp:* tag gives the report's TLP (tlp:white is CLEAR), else ?tlp=; PAP:* tags, else ?pap=; "
                    + "?community=, ?organisation=, ?user= (repeatable) give the distribution. All or nothing unless ?partial=true. "
                    + "Re-importing the same event version stores nothing; a newer event timestamp stores a new version of the report.")
    ResponseEntity<Map<String, Object>> importMisp(Member me, HttpServletRequest request,
                                                   @RequestParam(required = false) String tlp,
                                                   @RequestParam(required = false) String pap,
                                                   @RequestParam(name = "community", required = false) List<UUID> communities,
                                                   @RequestParam(name = "organisation", required = false) List<UUID> organisations,
                                                   @RequestParam(name = "user", required = false) List<UUID> users,
                                                   @RequestParam(defaultValue = "false") boolean partial) throws IOException {
        SharingRequest sharing = sharing(tlp, pap, communities, organisations, users);
        JsonNode body = MispJson.read(json, readBody(request));
        MispImport.Outcome outcome = imports.importEvents(me, body, sharing, partial);
        return ResponseEntity.status(outcome.stored() ? HttpStatus.CREATED : HttpStatus.OK).body(summary(outcome));
    }

    static Map<String, Object> summary(MispImport.Outcome outcome) {
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("created", outcome.count("CREATED"));
        answer.put("newVersions", outcome.count("NEW_VERSION"));
        answer.put("unchanged", outcome.count("UNCHANGED"));
        answer.put("rejected", outcome.count("REJECTED"));
        answer.put("events", outcome.events());
        return answer;
    }

    @GetMapping(path = "/api/v1/reports/{id}/misp", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "A report you may see as a MISP event ({\"Event\":…}); 404 otherwise")
    ObjectNode exportMisp(Member me, @PathVariable String id) {
        return export.export(me, id, ServletUriComponentsBuilder.fromCurrentContextPath().path("/reports/{id}").buildAndExpand(id).toUriString());
    }

    static SharingRequest sharing(String tlp, String pap, List<UUID> communities, List<UUID> organisations, List<UUID> users) {
        return new SharingRequest(
                tlp == null || tlp.isBlank() ? null : Tlp.parse(tlp).orElseThrow(() -> new InvalidFieldException("tlp", "knowledge.tlp.invalid",
                        "'" + tlp + "' is not a TLP 2.0 level: CLEAR, GREEN, AMBER, AMBER_STRICT or RED.")),
                pap == null || pap.isBlank() ? null : Pap.parse(pap).orElseThrow(() -> new InvalidFieldException("pap", "knowledge.pap.invalid",
                        "'" + pap + "' is not a PAP level: CLEAR, GREEN, AMBER or RED.")),
                set(communities), set(organisations), set(users));
    }

    private byte[] readBody(HttpServletRequest request) throws IOException {
        if (request instanceof MultipartHttpServletRequest multipart) {
            MultipartFile file = multipart.getFile("file");
            if (file == null || file.isEmpty()) {
                throw new InvalidFieldException("file", "misp.file.missing", "Send the MISP file as the multipart part 'file'.");
            }
            if (file.getSize() > MAX_BODY_BYTES) {
                throw tooLarge();
            }
            return file.getBytes();
        }
        if (request.getContentLengthLong() > MAX_BODY_BYTES) {
            throw tooLarge();
        }
        byte[] body;
        try (InputStream in = request.getInputStream()) {
            body = in.readNBytes(MAX_BODY_BYTES + 1);
        }
        if (body.length > MAX_BODY_BYTES) {
            throw tooLarge();
        }
        return body;
    }

    private static ErrorResponseException tooLarge() {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.PAYLOAD_TOO_LARGE,
                "The MISP file is larger than " + MAX_BODY_BYTES / (1024 * 1024) + " MB; split it into several files of events.");
        problem.setTitle("Payload too large");
        return new ErrorResponseException(HttpStatus.PAYLOAD_TOO_LARGE, problem, null);
    }

    private static Set<UUID> set(List<UUID> ids) {
        return ids == null ? Set.of() : new LinkedHashSet<>(ids);
    }
}

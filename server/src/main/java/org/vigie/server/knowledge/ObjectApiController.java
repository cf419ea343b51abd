package org.vigie.server.knowledge;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.vigie.core.accounts.Member;
import org.vigie.core.sharing.Pap;
import org.vigie.core.sharing.Tlp;
import org.vigie.server.web.InvalidFieldException;

@RestController
@RequestMapping("/api/v1/objects")
@Tag(name = "Knowledge", description = "STIX 2.1 objects, read through the visibility policy (TLP 2.0, PAP, distribution)")
class ObjectApiController {

    /** Larger imports go through the streaming import of the exchange issue. */
    static final int MAX_BODY_BYTES = 10 * 1024 * 1024;

    private final KnowledgeStore store;
    private final ObjectMapper json;

    ObjectApiController(KnowledgeStore store, ObjectMapper json) {
        this.store = store;
        this.json = json;
    }

    @PostMapping
    @Operation(summary = "Store one STIX object or a bundle",
            description = "Objects without a TLP marking take ?tlp= (and ?pap=); ?community=, ?organisation=, ?user= (repeatable) "
                    + "give the distribution of every object of the request. A bundle is all or nothing unless ?partial=true.")
    ResponseEntity<Map<String, Object>> store(Member me, HttpServletRequest request,
                                              @RequestParam(required = false) String tlp,
                                              @RequestParam(required = false) String pap,
                                              @RequestParam(name = "community", required = false) List<UUID> communities,
                                              @RequestParam(name = "organisation", required = false) List<UUID> organisations,
                                              @RequestParam(name = "user", required = false) List<UUID> users,
                                              @RequestParam(defaultValue = "false") boolean partial) throws IOException {
        SharingRequest sharing = new SharingRequest(
                tlp == null ? null : Tlp.parse(tlp).orElseThrow(() -> new InvalidFieldException("tlp", "knowledge.tlp.invalid",
                        "'" + tlp + "' is not a TLP 2.0 level: CLEAR, GREEN, AMBER, AMBER_STRICT or RED.")),
                pap == null ? null : Pap.parse(pap).orElseThrow(() -> new InvalidFieldException("pap", "knowledge.pap.invalid",
                        "'" + pap + "' is not a PAP level: CLEAR, GREEN, AMBER or RED.")),
                set(communities), set(organisations), set(users));
        JsonNode body = readBody(request);
        boolean bundle = body.isObject() && "bundle".equals(body.path("type").asText());
        List<JsonNode> objects = new ArrayList<>();
        if (bundle) {
            if (!body.path("objects").isArray()) {
                throw new InvalidFieldException("objects", "knowledge.bundle.noObjects", "A bundle needs an 'objects' array.");
            }
            body.get("objects").forEach(objects::add);
        } else {
            objects.add(body);
        }
        StoreOutcome outcome = store.store(me, objects, bundle ? "/objects" : "", sharing, partial);
        boolean stored = outcome.count(StoreOutcome.Status.CREATED) + outcome.count(StoreOutcome.Status.NEW_VERSION) > 0;
        return ResponseEntity.status(stored ? HttpStatus.CREATED : HttpStatus.OK).body(Map.of(
                "created", outcome.count(StoreOutcome.Status.CREATED),
                "newVersions", outcome.count(StoreOutcome.Status.NEW_VERSION),
                "unchanged", outcome.count(StoreOutcome.Status.UNCHANGED),
                "rejected", outcome.count(StoreOutcome.Status.REJECTED),
                "results", outcome.results()));
    }

    @GetMapping("/{id}")
    @Operation(summary = "The latest version of an object you may see (or ?version=<modified>); 404 if none")
    JsonNode get(Member me, @PathVariable String id,
                 @Parameter(description = "the version's 'modified' timestamp") @RequestParam(required = false) String version) {
        return store.get(me, id, Optional.ofNullable(version).map(ObjectApiController::instant)).object();
    }

    @GetMapping("/{id}/versions")
    @Operation(summary = "The versions of an object you may see, newest first")
    Map<String, Object> versions(Member me, @PathVariable String id) {
        List<Map<String, Object>> versions = store.versions(me, id).stream()
                .map(v -> Map.<String, Object>of("modified", v.object().path("modified").asText(v.modified().toString()),
                        "addedAt", v.addedAt(), "latest", v.latest()))
                .toList();
        return Map.of("id", id, "versions", versions);
    }

    @GetMapping
    @Operation(summary = "Search the latest versions you may see: ?type=, full-text ?q= (English and French), ?page=, ?size=")
    Map<String, Object> search(Member me, @RequestParam(required = false) String type, @RequestParam(required = false) String q,
                               @RequestParam(required = false) UUID owner,
                               @RequestParam(defaultValue = "1") int page, @RequestParam(defaultValue = "50") int size) {
        KnowledgeStore.Page found = store.search(me, type, q, owner, page, size);
        return Map.of("objects", found.objects().stream().map(StoredObject::object).toList(),
                "page", found.page(), "size", found.size(), "more", found.more());
    }

    // GET /api/v1/objects/export is served by the exchange module's STIX export (streamed, with its closure).

    private JsonNode readBody(HttpServletRequest request) throws IOException {
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
        if (body.length == 0) {
            throw new InvalidFieldException("body", "knowledge.body.empty", "The request body is empty: send a STIX object or bundle.");
        }
        try {
            return json.readTree(body);
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "The request body is not valid JSON" + where + ".");
            problem.setTitle("Invalid request");
            throw new ErrorResponseException(HttpStatus.BAD_REQUEST, problem, e);
        }
    }

    private static ErrorResponseException tooLarge() {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.PAYLOAD_TOO_LARGE,
                "The body is larger than " + MAX_BODY_BYTES / (1024 * 1024) + " MB; split the bundle.");
        problem.setTitle("Payload too large");
        return new ErrorResponseException(HttpStatus.PAYLOAD_TOO_LARGE, problem, null);
    }

    private static Instant instant(String text) {
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw new InvalidFieldException("version", "knowledge.version.invalid", "'" + text + "' is not a STIX timestamp.");
        }
    }

    private static Set<UUID> set(List<UUID> ids) {
        return ids == null ? Set.of() : new LinkedHashSet<>(ids);
    }
}

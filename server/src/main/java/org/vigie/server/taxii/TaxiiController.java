package org.vigie.server.taxii;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.vigie.core.accounts.Member;

/**
 * The TAXII 2.1 endpoints (OASIS TAXII 2.1, sections 4 and 5). One API root, {@value #API_ROOT}.
 * Every response is {@value TaxiiMediaTypes#TAXII}; an Accept that does not allow it is answered
 * 406 before anything else, a POST body of another type 415.
 */
@RestController
@RequestMapping(TaxiiController.DISCOVERY)
public class TaxiiController {

    /** The discovery endpoint's path. */
    public static final String DISCOVERY = "/taxii2";
    /** The one API root, relative to the server. */
    public static final String API_ROOT = "/taxii2/api/";

    private final TaxiiService taxii;
    private final TaxiiSettings settings;
    private final ObjectMapper json;

    TaxiiController(TaxiiService taxii, TaxiiSettings settings, ObjectMapper json) {
        this.taxii = taxii;
        this.settings = settings;
        this.json = json;
    }

    @GetMapping({"/", ""})
    ResponseEntity<String> discovery(HttpServletRequest request) {
        accept(request);
        String root = ServletUriComponentsBuilder.fromContextPath(request).path(API_ROOT).toUriString();
        ObjectNode discovery = json.createObjectNode();
        discovery.put("title", "Vigie TAXII 2.1 server");
        discovery.put("description", "Election-interference reports and indicators shared on this Vigie hub, as the signed-in client may read them.");
        discovery.put("default", root);
        discovery.putArray("api_roots").add(root);
        return ok(discovery);
    }

    @GetMapping({"/api/", "/api"})
    ResponseEntity<String> apiRoot(HttpServletRequest request) {
        accept(request);
        ObjectNode root = json.createObjectNode();
        root.put("title", "Vigie");
        root.put("description", "Collections: one per community your organisation is an active member of, your organisation's own objects,"
                + " and everything you may read. Nothing above " + settings.maxTlp().label() + " is served or accepted over TAXII.");
        root.putArray("versions").add(TaxiiMediaTypes.TAXII);
        root.put("max_content_length", settings.maxContentLength().toBytes());
        return ok(root);
    }

    @GetMapping({"/api/status/{statusId}/", "/api/status/{statusId}"})
    ResponseEntity<String> status(HttpServletRequest request, Member member, @PathVariable String statusId) {
        accept(request);
        return ok(taxii.status(member, statusId));
    }

    @GetMapping({"/api/collections/", "/api/collections"})
    ResponseEntity<String> collections(HttpServletRequest request, Member member) {
        accept(request);
        ObjectNode body = json.createObjectNode();
        ArrayNode list = body.putArray("collections");
        taxii.collections(member).forEach(c -> list.add(describe(c)));
        return ok(body);
    }

    @GetMapping({"/api/collections/{collectionId}/", "/api/collections/{collectionId}"})
    ResponseEntity<String> collection(HttpServletRequest request, Member member, @PathVariable String collectionId) {
        accept(request);
        return ok(describe(taxii.collection(member, collectionId)));
    }

    @GetMapping({"/api/collections/{collectionId}/objects/", "/api/collections/{collectionId}/objects"})
    ResponseEntity<String> objects(HttpServletRequest request, Member member, @PathVariable String collectionId) {
        accept(request);
        return page(taxii.objects(member, collectionId, request.getParameterMap()));
    }

    @PostMapping({"/api/collections/{collectionId}/objects/", "/api/collections/{collectionId}/objects"})
    ResponseEntity<String> add(HttpServletRequest request, Member member, @PathVariable String collectionId) throws IOException {
        accept(request);
        if (!TaxiiMediaTypes.isTaxiiContent(request.getContentType())) {
            throw new TaxiiException(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Unsupported media type",
                    "Content-Type must be " + TaxiiMediaTypes.TAXII + " (an envelope), not " + request.getContentType() + ".");
        }
        long max = settings.maxContentLength().toBytes();
        if (request.getContentLengthLong() > max) {
            throw TaxiiService.tooLarge(max); // refused on the declared length, before reading the body
        }
        return ResponseEntity.status(HttpStatus.ACCEPTED).header(HttpHeaders.CONTENT_TYPE, TaxiiMediaTypes.TAXII)
                .body(write(taxii.add(member, collectionId, request.getInputStream())));
    }

    @GetMapping({"/api/collections/{collectionId}/manifest/", "/api/collections/{collectionId}/manifest"})
    ResponseEntity<String> manifest(HttpServletRequest request, Member member, @PathVariable String collectionId) {
        accept(request);
        return page(taxii.manifest(member, collectionId, request.getParameterMap()));
    }

    @GetMapping({"/api/collections/{collectionId}/objects/{objectId}/", "/api/collections/{collectionId}/objects/{objectId}"})
    ResponseEntity<String> object(HttpServletRequest request, Member member, @PathVariable String collectionId,
                                  @PathVariable String objectId) {
        accept(request);
        return page(taxii.object(member, collectionId, objectId, request.getParameterMap()));
    }

    @DeleteMapping({"/api/collections/{collectionId}/objects/{objectId}/", "/api/collections/{collectionId}/objects/{objectId}"})
    ResponseEntity<String> delete(HttpServletRequest request, Member member, @PathVariable String collectionId,
                                  @PathVariable String objectId) {
        accept(request);
        taxii.delete(member, collectionId, objectId, request.getParameterMap());
        return ResponseEntity.ok().header(HttpHeaders.CONTENT_TYPE, TaxiiMediaTypes.TAXII).body("{}");
    }

    @GetMapping({"/api/collections/{collectionId}/objects/{objectId}/versions/", "/api/collections/{collectionId}/objects/{objectId}/versions"})
    ResponseEntity<String> versions(HttpServletRequest request, Member member, @PathVariable String collectionId,
                                    @PathVariable String objectId) {
        accept(request);
        return page(taxii.versions(member, collectionId, objectId, request.getParameterMap()));
    }

    private static void accept(HttpServletRequest request) {
        String accept = request.getHeader(HttpHeaders.ACCEPT);
        if (!TaxiiMediaTypes.acceptable(accept)) {
            throw new TaxiiException(HttpStatus.NOT_ACCEPTABLE, "Not acceptable",
                    "This server answers " + TaxiiMediaTypes.TAXII + " only; the request's Accept was '" + accept + "'.");
        }
    }

    private ObjectNode describe(TaxiiCollection collection) {
        ObjectNode node = json.createObjectNode();
        node.put("id", collection.id().toString());
        node.put("title", collection.title());
        node.put("description", collection.description());
        node.put("can_read", collection.canRead());
        node.put("can_write", collection.canWrite());
        node.putArray("media_types").add(TaxiiMediaTypes.STIX);
        return node;
    }

    private ResponseEntity<String> ok(ObjectNode body) {
        return ResponseEntity.ok().header(HttpHeaders.CONTENT_TYPE, TaxiiMediaTypes.TAXII).body(write(body));
    }

    private static ResponseEntity<String> page(TaxiiService.Page page) {
        ResponseEntity.BodyBuilder response = ResponseEntity.ok().header(HttpHeaders.CONTENT_TYPE, TaxiiMediaTypes.TAXII);
        if (page.firstAdded() != null) {
            response.header("X-TAXII-Date-Added-First", page.firstAdded()).header("X-TAXII-Date-Added-Last", page.lastAdded());
        }
        return response.body(page.body());
    }

    private String write(ObjectNode body) {
        try {
            return json.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}

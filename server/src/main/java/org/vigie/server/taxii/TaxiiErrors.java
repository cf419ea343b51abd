package org.vigie.server.taxii;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Errors of the TAXII endpoints as TAXII error messages ({@code title}, {@code description},
 * {@code http_status}) in the TAXII media type, ahead of the API's RFC 7807 problems.
 */
@RestControllerAdvice(assignableTypes = TaxiiController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class TaxiiErrors {

    private final ObjectMapper json;

    TaxiiErrors(ObjectMapper json) {
        this.json = json;
    }

    @ExceptionHandler(TaxiiException.class)
    ResponseEntity<String> taxii(TaxiiException e) {
        return error(e.status(), e.title(), e.getMessage());
    }

    /** The knowledge store's and the web layer's errors (403 on sharing rights, 400 on a distribution, 404). */
    @ExceptionHandler(ErrorResponseException.class)
    ResponseEntity<String> other(ErrorResponseException e) {
        String title = e.getBody().getTitle() == null ? "Error" : e.getBody().getTitle();
        String description = e.getBody().getDetail() == null ? title : e.getBody().getDetail();
        return error(e.getStatusCode(), title, description);
    }

    ResponseEntity<String> error(HttpStatusCode status, String title, String description) {
        ObjectNode body = json.createObjectNode();
        body.put("title", title);
        body.put("description", description);
        body.put("http_status", String.valueOf(status.value()));
        return ResponseEntity.status(status).header(HttpHeaders.CONTENT_TYPE, TaxiiMediaTypes.TAXII).body(body.toString());
    }
}

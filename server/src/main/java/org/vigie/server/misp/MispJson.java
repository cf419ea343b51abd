package org.vigie.server.misp;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;
import org.vigie.server.web.InvalidFieldException;

/** Reads a MISP file; what is not JSON is a 400 naming the line and column where it stops being JSON. */
final class MispJson {

    private MispJson() {
    }

    static JsonNode read(ObjectMapper json, byte[] body) throws IOException {
        if (body.length == 0) {
            throw new InvalidFieldException("body", "misp.body.empty", "The request body is empty: send a MISP event (JSON).");
        }
        try {
            JsonNode node = json.readTree(body);
            if (node == null || node.isMissingNode()) {
                throw new InvalidFieldException("body", "misp.body.empty", "The request body is empty: send a MISP event (JSON).");
            }
            return node;
        } catch (JsonProcessingException e) {
            throw notJson(e);
        }
    }

    static ErrorResponseException notJson(JsonProcessingException e) {
        String where = e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "The MISP file is not valid JSON" + where + ": "
                + e.getOriginalMessage());
        problem.setTitle("Invalid request");
        if (e.getLocation() != null) {
            problem.setProperty("line", e.getLocation().getLineNr());
            problem.setProperty("column", e.getLocation().getColumnNr());
        }
        return new ErrorResponseException(HttpStatus.BAD_REQUEST, problem, e);
    }
}

package org.vigie.server.web;

import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** The request clashes with what is stored, such as a name that must be unique; names the field. */
public class ConflictException extends ErrorResponseException {

    private final String field;
    private final String messageKey;

    public ConflictException(String field, String messageKey, String detail) {
        super(HttpStatus.CONFLICT, problem(field, detail), null);
        this.field = field;
        this.messageKey = messageKey;
    }

    private static ProblemDetail problem(String field, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, detail);
        problem.setTitle("Conflict");
        problem.setProperty("errors", List.of(Map.of("field", field, "message", detail)));
        return problem;
    }

    public String field() {
        return field;
    }

    /** Message bundle key for showing the conflict next to the form field. */
    public String messageKey() {
        return messageKey;
    }
}

package org.vigie.server.web;

import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * A problem with one field of the request: the API answers a problem document naming the field,
 * and a form shows the message key's text next to that field, in the reader's language.
 */
public abstract class FieldException extends ErrorResponseException {

    private final String field;
    private final String messageKey;

    protected FieldException(HttpStatus status, String title, String field, String messageKey, String detail) {
        super(status, problem(status, title, field, detail), null);
        this.field = field;
        this.messageKey = messageKey;
    }

    private static ProblemDetail problem(HttpStatus status, String title, String field, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        problem.setProperty("errors", List.of(Map.of("field", field, "message", detail)));
        return problem;
    }

    public String field() {
        return field;
    }

    /** Message bundle key for showing the problem next to the form field. */
    public String messageKey() {
        return messageKey;
    }
}

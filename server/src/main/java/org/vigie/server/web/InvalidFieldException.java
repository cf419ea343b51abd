package org.vigie.server.web;

import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * A value that is well-formed but not acceptable, found by a service rather than by bean
 * validation (a weak password, an organisation that does not exist). Names the field, and carries
 * a message key so forms can show it in the reader's language.
 */
public class InvalidFieldException extends ErrorResponseException {

    private final String field;
    private final String messageKey;

    public InvalidFieldException(String field, String messageKey, String detail) {
        super(HttpStatus.BAD_REQUEST, problem(field, detail), null);
        this.field = field;
        this.messageKey = messageKey;
    }

    private static ProblemDetail problem(String field, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail);
        problem.setTitle("Invalid request");
        problem.setProperty("errors", List.of(Map.of("field", field, "message", detail)));
        return problem;
    }

    public String field() {
        return field;
    }

    public String messageKey() {
        return messageKey;
    }
}

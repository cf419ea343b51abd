package org.vigie.server.web;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * Nothing with that id, or nothing the caller may see: both answer the same 404, so that a hidden
 * object cannot be told apart from a missing one.
 */
public class NotFoundException extends ErrorResponseException {

    public NotFoundException(String kind, Object id) {
        super(HttpStatus.NOT_FOUND, problem(kind, id), null);
    }

    private static ProblemDetail problem(String kind, Object id) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "No " + kind + " with id " + id + ".");
        problem.setTitle("Not found");
        return problem;
    }
}

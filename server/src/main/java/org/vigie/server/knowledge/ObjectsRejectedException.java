package org.vigie.server.knowledge;

import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * A request whose objects were refused, none stored: 422 listing, for each refused object, the JSON
 * pointer of each fault; 403 when the only fault is writing another organisation's object.
 */
class ObjectsRejectedException extends ErrorResponseException {

    /** @param rejected the refused objects only, each with at least one problem */
    ObjectsRejectedException(List<StoreOutcome.ObjectResult> rejected, int total, boolean forbidden) {
        super(forbidden ? HttpStatus.FORBIDDEN : HttpStatus.UNPROCESSABLE_ENTITY, problem(rejected, total, forbidden), null);
    }

    private static ProblemDetail problem(List<StoreOutcome.ObjectResult> rejected, int total, boolean forbidden) {
        StoreOutcome.Problem first = rejected.get(0).problems().get(0);
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(forbidden ? HttpStatus.FORBIDDEN : HttpStatus.UNPROCESSABLE_ENTITY,
                rejected.size() + " of " + total + " objects refused; nothing was stored. First: "
                        + first.pointer() + ": " + first.message());
        problem.setTitle(forbidden ? "Forbidden" : "Invalid STIX");
        problem.setProperty("errors", rejected.stream()
                .flatMap(r -> r.problems().stream().map(p -> Map.of("pointer", p.pointer(), "message", p.message())))
                .toList());
        problem.setProperty("objects", rejected);
        return problem;
    }
}

package org.vigie.server.misp;

import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * A MISP import refused, nothing stored: 422 naming, for each fault, the event, the object and
 * attribute (position and uuid), the property and the JSON pointer.
 */
class MispRejectedException extends ErrorResponseException {

    private final List<MispFault> faults;

    MispRejectedException(List<MispFault> faults, int events) {
        super(HttpStatus.UNPROCESSABLE_ENTITY, problem(faults, events), null);
        this.faults = List.copyOf(faults);
    }

    List<MispFault> faults() {
        return faults;
    }

    private static ProblemDetail problem(List<MispFault> faults, int events) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_ENTITY,
                faults.size() + (faults.size() == 1 ? " fault" : " faults") + " in " + events + (events == 1 ? " event" : " events")
                        + "; nothing was imported (?partial=true imports the rest). First: " + faults.get(0).describe());
        problem.setTitle("Invalid MISP event");
        problem.setProperty("errors", faults);
        return problem;
    }

    static MispRejectedException noEvent() {
        return new MispRejectedException(List.of(new MispFault(0, null, null, "", null, null, null, null, "Event",
                "no MISP event found: send {\"Event\":{…}}, {\"response\":[…]} or an event object (with uuid, info, Attribute…)")), 0);
    }

    /** The report store refused an event (schema, markings, rules): the whole import is rolled back. */
    static MispRejectedException refused(MispEventMapper.Plan plan, ErrorResponseException cause) {
        String detail = cause.getBody().getDetail();
        Object errors = cause.getBody().getProperties() == null ? null : cause.getBody().getProperties().get("errors");
        return new MispRejectedException(List.of(new MispFault(plan.index(), plan.uuid(), plan.info(), plan.pointer(), null, null, null, null,
                "event", (detail == null ? cause.getMessage() : detail) + (errors == null ? "" : " " + errors))), 1);
    }
}

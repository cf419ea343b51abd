package org.vigie.server.reports;

import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * A report that cannot be filed as given: 400 listing every fault at once, each with the field it
 * concerns (and for observables, the line), so that an analyst fixes them all in one pass.
 */
public class InvalidReportException extends ErrorResponseException {

    /**
     * @param field      the form field / JSON property, e.g. "observables[3]" or "disarmTechniques"
     * @param messageKey the message bundle key for the form
     * @param arguments  the key's arguments
     * @param detail     the English text for the API
     */
    public record Fault(String field, String messageKey, List<Object> arguments, String detail) {
        public Fault {
            arguments = arguments == null ? List.of() : List.copyOf(arguments);
        }
    }

    private final List<Fault> faults;

    public InvalidReportException(List<Fault> faults) {
        super(HttpStatus.BAD_REQUEST, problem(faults), null);
        this.faults = List.copyOf(faults);
    }

    public List<Fault> faults() {
        return faults;
    }

    private static ProblemDetail problem(List<Fault> faults) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                faults.size() + (faults.size() == 1 ? " problem" : " problems") + " in the report; nothing was stored. First: "
                        + faults.get(0).field() + ": " + faults.get(0).detail());
        problem.setTitle("Invalid report");
        problem.setProperty("errors", faults.stream().map(f -> Map.of("field", f.field(), "message", f.detail())).toList());
        return problem;
    }
}

package org.vigie.server.reports;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * An edit based on a version that is no longer the newest: someone else changed the report in the
 * meantime. 409 with both versions, the one now stored and the one proposed, so that nothing typed
 * is lost and the editor can merge.
 */
public class ReportConflictException extends ErrorResponseException {

    private final Report current;
    private final ReportDraft proposed;

    public ReportConflictException(Report current, ReportDraft proposed, Object currentView, Object proposedView) {
        super(HttpStatus.CONFLICT, problem(current, currentView, proposedView), null);
        this.current = current;
        this.proposed = proposed;
    }

    public Report current() {
        return current;
    }

    public ReportDraft proposed() {
        return proposed;
    }

    private static ProblemDetail problem(Report current, Object currentView, Object proposedView) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT,
                "The report was changed by someone else (now version " + current.modified()
                        + "); nothing was stored. Both versions are in this answer: merge and send again with baseModified "
                        + current.modified() + ".");
        problem.setTitle("Edit conflict");
        problem.setProperty("current", currentView);
        problem.setProperty("proposed", proposedView);
        return problem;
    }
}

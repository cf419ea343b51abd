package org.vigie.detect.input;

import java.util.List;
import java.util.stream.Collectors;

/** More bad rows than the {@link ErrorBudget} allows: reading stopped. */
public class TooManyRowErrorsException extends PostInputException {

    private final long errors;
    private final long rowsRead;
    private final List<RowError> firstErrors;

    public TooManyRowErrorsException(long errors, long rowsRead, ErrorBudget budget, List<RowError> firstErrors) {
        super("stopped after " + errors + " bad rows out of " + rowsRead + " read (budget: "
                + budget.fraction() * 100 + " % of rows, at least " + budget.minimum() + "); first errors: "
                + firstErrors.stream().map(RowError::toString).collect(Collectors.joining("; ")));
        this.errors = errors;
        this.rowsRead = rowsRead;
        this.firstErrors = List.copyOf(firstErrors);
    }

    public long errors() {
        return errors;
    }

    public long rowsRead() {
        return rowsRead;
    }

    public List<RowError> firstErrors() {
        return firstErrors;
    }
}

package org.vigie.detect.input;

import java.util.List;

/**
 * What a read did so far: data rows read (not counting the header or blank lines), posts produced, bad
 * rows skipped and the first of them (at most {@link PostReader#KEPT_ERRORS}) with their line numbers.
 */
public record InputReport(InputFormat format, long rowsRead, long posts, long errors, List<RowError> firstErrors) {

    public InputReport {
        firstErrors = List.copyOf(firstErrors);
    }
}

package org.vigie.detect.input;

/**
 * A row that could not be read and was skipped.
 *
 * @param line the physical line (1-based, the header is line 1) where the row starts
 */
public record RowError(long line, String reason) {

    @Override
    public String toString() {
        return "line " + line + ": " + reason;
    }
}

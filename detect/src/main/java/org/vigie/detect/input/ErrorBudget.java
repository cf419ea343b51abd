package org.vigie.detect.input;

/**
 * How many bad rows a read tolerates before it stops ({@code --max-errors}). After each bad row the
 * reader checks {@code errors ≤ max(minimum, fraction × rowsRead)}, {@code rowsRead} counting the bad
 * rows too; beyond that it throws {@link TooManyRowErrorsException}. The minimum keeps small files from
 * failing on a handful of bad rows (with the default, one bad row in ten is fine), and because the check
 * runs as rows are read, a file whose first rows are all bad stops early instead of being read to the end.
 *
 * @param fraction the tolerated share of bad rows, 0 to 1 (default 0.01)
 * @param minimum the number of bad rows always tolerated (default 10)
 */
public record ErrorBudget(double fraction, long minimum) {

    public static final ErrorBudget DEFAULT = new ErrorBudget(0.01, 10);

    public ErrorBudget {
        if (!(fraction >= 0 && fraction <= 1)) {
            throw new IllegalArgumentException("error fraction must be between 0 and 1, was " + fraction);
        }
        if (minimum < 0) {
            throw new IllegalArgumentException("minimum must be ≥ 0, was " + minimum);
        }
    }

    /** No bad row tolerated at all. */
    public static ErrorBudget none() {
        return new ErrorBudget(0, 0);
    }

    /** Every bad row tolerated (reported, never fatal). */
    public static ErrorBudget unlimited() {
        return new ErrorBudget(1, Long.MAX_VALUE);
    }

    /**
     * Reads a {@code --max-errors} value: a percentage ({@code 1%}, {@code 0.5%}) keeps the default
     * minimum; a whole number ({@code 250}) is an absolute count of tolerated bad rows.
     */
    public static ErrorBudget parse(String value) {
        String v = value.trim();
        try {
            if (v.endsWith("%")) {
                return new ErrorBudget(Double.parseDouble(v.substring(0, v.length() - 1).trim()) / 100, DEFAULT.minimum);
            }
            return new ErrorBudget(0, Long.parseLong(v));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--max-errors must be a percentage (1%) or a count (250), was '"
                    + value + "'");
        }
    }

    /** Whether {@code errors} bad rows among {@code rowsRead} rows are still within the budget. */
    public boolean allows(long errors, long rowsRead) {
        return errors <= minimum || errors <= fraction * rowsRead;
    }
}

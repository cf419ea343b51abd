package org.vigie.core.observables;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Reads observables as reporters paste them: one a line, typed automatically, each line answered on
 * its own so that one typo does not reject a whole paste. The reporter then corrects a type with
 * {@link #parse(ObservableType, String)}.
 *
 * <p>Only newlines separate values: commas, semicolons and spaces occur inside URLs and phone numbers,
 * so splitting on them would break the very values being pasted. Blank lines and lines starting with
 * {@code #} (notes the reporter keeps with the list) are skipped. Defanged forms ({@code hxxps://},
 * {@code [.]}, {@code (.)}, {@code [@]}…) are refanged before anything else.
 */
public final class ObservableParser {

    /** Longer lines are refused unread: no observable is this long, and a huge line is a paste gone wrong. */
    public static final int MAX_LINE_LENGTH = 4096;

    static final String UNKNOWN = "cannot tell what this is: write a URL (https://…), a domain, an IP address, an email address, "
            + "a file hash, a phone number (+33…) or a social account (x:@handle)";

    private final CorrelationKeys correlationKeys;

    public ObservableParser(CorrelationKeys correlationKeys) {
        this.correlationKeys = Objects.requireNonNull(correlationKeys, "correlationKeys");
    }

    /** A parser whose warnings come from the bundled warning list. */
    public ObservableParser() {
        this(CorrelationKeys.standard());
    }

    /**
     * One answer per line that holds a value.
     *
     * @param lineNumber   the line's number in the paste, counting from 1, blank and comment lines included
     * @param raw          the line as entered, surrounding blanks trimmed
     * @param detectedType the type detected, or chosen by the reporter; null when nothing fits
     * @param observable   the observable, when the line is valid
     * @param error        why the line is not a valid observable (for the reporter), or null
     * @param warning      a note on a valid line, or null: a part of the value too common to correlate,
     *                     or an assumption made (a URL without scheme taken as https)
     */
    public record ParsedLine(int lineNumber, String raw, ObservableType detectedType, Optional<Observable> observable,
                             String error, String warning) {

        public ParsedLine {
            Objects.requireNonNull(raw, "raw");
            Objects.requireNonNull(observable, "observable");
            if (observable.isPresent() == (error != null)) {
                throw new IllegalArgumentException("a parsed line has either an observable or an error");
            }
        }

        public boolean isValid() {
            return observable.isPresent();
        }
    }

    public List<ParsedLine> parseLines(String pasted) {
        List<ParsedLine> parsed = new ArrayList<>();
        if (pasted == null) {
            return parsed;
        }
        String[] lines = pasted.split("\\R", -1);
        for (int i = 0; i < lines.length; i++) {
            // Refanging also drops invisible characters: a line of zero-width spaces is blank.
            String line = lines[i].strip();
            if (Refanging.refang(line).isEmpty() || line.startsWith("#")) {
                continue;
            }
            parsed.add(parseDetected(i + 1, line));
        }
        return parsed;
    }

    /** The reporter's choice of type for one value; the line number is 1. */
    public ParsedLine parse(ObservableType type, String value) {
        Objects.requireNonNull(type, "type");
        String line = value == null ? "" : value.strip();
        if (line.length() > MAX_LINE_LENGTH) {
            return failed(1, shortened(line), type, tooLong());
        }
        return parseAs(1, line, type);
    }

    /** The type a value would be given by {@link #parseLines}, if any. */
    public static Optional<ObservableType> detectType(String value) {
        if (value == null || value.length() > MAX_LINE_LENGTH) {
            return Optional.empty();
        }
        return TypeDetector.detect(Refanging.refang(value));
    }

    private ParsedLine parseDetected(int lineNumber, String line) {
        if (line.length() > MAX_LINE_LENGTH) {
            return failed(lineNumber, shortened(line), null, tooLong());
        }
        return detectType(line)
                .map(type -> parseAs(lineNumber, line, type))
                .orElseGet(() -> failed(lineNumber, line, null, UNKNOWN));
    }

    private ParsedLine parseAs(int lineNumber, String line, ObservableType type) {
        try {
            Observable observable = ObservableNormaliser.normalise(type, line);
            return new ParsedLine(lineNumber, line, type, Optional.of(observable), null, warning(observable, line));
        } catch (InvalidObservableException e) {
            return failed(lineNumber, line, type, e.getMessage());
        }
    }

    private String warning(Observable observable, String line) {
        List<String> notes = new ArrayList<>();
        if (observable.type() == ObservableType.URL && !UrlNormaliser.hasScheme(Refanging.refang(line))) {
            notes.add("no scheme given: https:// assumed");
        }
        List<String> warned = new ArrayList<>();
        for (CorrelationKey key : correlationKeys.candidatesOf(observable)) {
            correlationKeys.warningList().reason(key).ifPresent(reason -> warned.add(key.value() + " (" + reason + ")"));
        }
        if (!warned.isEmpty()) {
            notes.add("on the warning list, too common to correlate: " + String.join("; ", warned));
        }
        return notes.isEmpty() ? null : String.join(". ", notes);
    }

    private static ParsedLine failed(int lineNumber, String line, ObservableType type, String reason) {
        return new ParsedLine(lineNumber, line, type, Optional.empty(), reason, null);
    }

    /** Enough of an overlong line for the reporter to find it, without echoing kilobytes back. */
    private static String shortened(String line) {
        return line.substring(0, 100) + "…";
    }

    private static String tooLong() {
        return "too long for an observable (over " + MAX_LINE_LENGTH + " characters)";
    }
}

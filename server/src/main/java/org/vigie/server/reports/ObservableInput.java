package org.vigie.server.reports;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.springframework.stereotype.Component;
import org.vigie.core.observables.Observable;
import org.vigie.core.observables.ObservableParser;
import org.vigie.core.observables.ObservableType;

/**
 * Turns observables as typed into checked, normalised observables: each line is typed
 * automatically, a reporter's correction of the type wins, and every line that does not parse is
 * reported with its number and the reason.
 */
@Component
class ObservableInput {

    private final ObservableParser parser = new ObservableParser();

    /** One observable as given: a type key to force the type (null or blank: detect it) and the value. */
    record Entry(String type, String value) {
    }

    /** One line of the form's preview. */
    record Line(int line, String raw, String type, String normalised, String error, String warning) {
    }

    static List<String> typeKeys() {
        return Arrays.stream(ObservableType.values()).map(ObservableType::key).toList();
    }

    /** The API's observables: typed entries (numbered from 1) and then a pasted text (numbered after them). */
    List<ReportObservable> parse(List<Entry> entries, String pasted) {
        List<ObservableParser.ParsedLine> parsed = new ArrayList<>();
        List<InvalidReportException.Fault> faults = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            Entry entry = entries.get(i);
            String field = "observables[" + i + "]";
            if (entry.type() == null || entry.type().isBlank()) {
                List<ObservableParser.ParsedLine> lines = parser.parseLines(entry.value() == null ? "" : entry.value().replaceAll("\\R", " "));
                if (lines.isEmpty()) {
                    faults.add(ReportRules.fault(field, "reports.observable.invalid", "empty value", i + 1, "empty value"));
                } else {
                    collect(field, i + 1, lines.get(0), parsed, faults);
                }
            } else {
                try {
                    collect(field, i + 1, parser.parse(ObservableType.fromKey(entry.type()), entry.value()), parsed, faults);
                } catch (IllegalArgumentException e) {
                    faults.add(ReportRules.fault(field + ".type", "reports.observable.invalid", e.getMessage(), i + 1, e.getMessage()));
                }
            }
        }
        List<ObservableParser.ParsedLine> lines = parser.parseLines(pasted);
        for (ObservableParser.ParsedLine line : lines) {
            collect("observablesText", line.lineNumber(), line, parsed, faults);
        }
        if (!faults.isEmpty()) {
            throw new InvalidReportException(faults);
        }
        return distinct(parsed);
    }

    /** The form's text area, with the type chosen per line in the preview ("" or the detected type: no correction). */
    List<ReportObservable> parseForm(String pasted, List<String> chosenTypes) {
        List<ObservableParser.ParsedLine> parsed = new ArrayList<>();
        List<InvalidReportException.Fault> faults = new ArrayList<>();
        for (ObservableParser.ParsedLine line : corrected(pasted, chosenTypes)) {
            collect("observables", line.lineNumber(), line, parsed, faults);
        }
        if (!faults.isEmpty()) {
            throw new InvalidReportException(faults);
        }
        return distinct(parsed);
    }

    /** What the form shows under the text area, line by line. */
    List<Line> preview(String pasted, List<String> chosenTypes) {
        return corrected(pasted, chosenTypes).stream()
                .map(l -> new Line(l.lineNumber(), l.raw(), l.detectedType() == null ? "" : l.detectedType().key(),
                        l.observable().map(Observable::normalised).orElse(null), l.error(), l.warning()))
                .toList();
    }

    /**
     * Lines parsed as detected, then re-parsed with the reporter's type where they chose another. The
     * choices are positional (one per non-blank line, in order), as the preview lists them.
     */
    private List<ObservableParser.ParsedLine> corrected(String pasted, List<String> chosenTypes) {
        List<ObservableParser.ParsedLine> lines = parser.parseLines(pasted);
        List<ObservableParser.ParsedLine> result = new ArrayList<>(lines.size());
        for (int i = 0; i < lines.size(); i++) {
            ObservableParser.ParsedLine line = lines.get(i);
            String chosen = chosenTypes != null && i < chosenTypes.size() ? chosenTypes.get(i) : null;
            String detected = line.detectedType() == null ? "" : line.detectedType().key();
            if (chosen != null && !chosen.isBlank() && !chosen.equals(detected)) {
                try {
                    ObservableParser.ParsedLine again = parser.parse(ObservableType.fromKey(chosen), line.raw());
                    line = new ObservableParser.ParsedLine(line.lineNumber(), again.raw(), again.detectedType(), again.observable(),
                            again.error(), again.warning());
                } catch (IllegalArgumentException unknownType) {
                    // an unknown choice is ignored: the detected type stands
                }
            }
            result.add(line);
        }
        return result;
    }

    private static void collect(String field, int number, ObservableParser.ParsedLine line, List<ObservableParser.ParsedLine> parsed,
                                List<InvalidReportException.Fault> faults) {
        if (line.isValid()) {
            parsed.add(line);
        } else {
            faults.add(ReportRules.fault(field, "reports.observable.invalid",
                    "line " + number + " (" + line.raw() + "): " + line.error(), number, line.raw() + " \u2014 " + line.error()));
        }
    }

    private static List<ReportObservable> distinct(List<ObservableParser.ParsedLine> lines) {
        return lines.stream().map(l -> l.observable().orElseThrow())
                .map(o -> new ReportObservable(o.type().key(), o.raw(), o.normalised()))
                .filter(seen())
                .toList();
    }

    /** Keeps the first of observables with the same type and normalised value. */
    private static java.util.function.Predicate<ReportObservable> seen() {
        java.util.Set<String> keys = new java.util.HashSet<>();
        return o -> keys.add(o.type() + "\u0000" + o.normalised());
    }

    /** A search for an observable matches its normalised form; a value that does not parse is searched as typed. */
    String normaliseForSearch(String value) {
        List<ObservableParser.ParsedLine> lines = parser.parseLines(value.replaceAll("\\R", " "));
        return lines.isEmpty() || !lines.get(0).isValid() ? value.trim() : lines.get(0).observable().orElseThrow().normalised();
    }
}

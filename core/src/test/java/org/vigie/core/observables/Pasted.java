package org.vigie.core.observables;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.vigie.core.observables.ObservableParser.ParsedLine;

/** Test shorthand: one value pasted on its own, as a reporter would, through the bundled warning list. */
final class Pasted {

    static final ObservableParser PARSER = new ObservableParser();
    static final CorrelationKeys KEYS = CorrelationKeys.standard();

    private Pasted() {
    }

    static ParsedLine line(String value) {
        List<ParsedLine> lines = PARSER.parseLines(value);
        assertThat(lines).as("one line for %s", value).hasSize(1);
        return lines.get(0);
    }

    static Observable observable(String value) {
        ParsedLine line = line(value);
        assertThat(line.error()).as("error for %s", value).isNull();
        return line.observable().orElseThrow();
    }

    static String normalised(String value) {
        return observable(value).normalised();
    }

    static List<CorrelationKey> keys(String value) {
        return KEYS.keysOf(observable(value));
    }

    static String error(String value) {
        ParsedLine line = line(value);
        assertThat(line.observable()).as("observable for %s", value).isEmpty();
        return line.error();
    }
}

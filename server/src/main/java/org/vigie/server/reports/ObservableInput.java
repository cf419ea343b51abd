package org.vigie.server.reports;

import java.util.List;
import org.springframework.stereotype.Component;

/** Turns observables as typed (one per line, or typed entries) into checked, normalised observables. */
@Component
class ObservableInput {

    /** One observable as given: a type key to force the type (null: detect it) and the value. */
    record Entry(String type, String value) {
    }

    List<ReportObservable> parse(List<Entry> entries, String pasted) {
        throw new UnsupportedOperationException("wired to core observables");
    }

    String normaliseForSearch(String value) {
        return value.trim();
    }
}

package org.vigie.server.reports;

import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

/** Turns observables as typed (one per line, or typed entries) into checked, normalised observables. */
@Component
class ObservableInput {

    /** One observable as given: a type key to force the type (null: detect it) and the value. */
    record Entry(String type, String value) {
    }

    /** One line of the form's preview. */
    record Line(int line, String raw, String type, String normalised, String error, String warning) {
    }

    static List<String> typeKeys() {
        return List.of("url", "domain", "ipv4", "ipv6", "email", "file-hash", "phone", "social-account");
    }

    List<ReportObservable> parse(List<Entry> entries, String pasted) {
        List<ReportObservable> all = new ArrayList<>();
        entries.forEach(e -> all.add(new ReportObservable(e.type() == null ? "url" : e.type(), e.value(), e.value().trim().toLowerCase())));
        if (pasted != null) {
            pasted.lines().map(String::trim).filter(l -> !l.isEmpty()).forEach(l -> all.add(new ReportObservable("url", l, l.toLowerCase())));
        }
        return all;
    }

    List<ReportObservable> parseForm(String pasted, List<String> types) {
        return parse(List.of(), pasted);
    }

    List<Line> preview(String pasted, List<String> types) {
        return List.of();
    }

    String normaliseForSearch(String value) {
        return value.trim();
    }
}

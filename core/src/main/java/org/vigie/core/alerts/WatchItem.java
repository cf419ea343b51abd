package org.vigie.core.alerts;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Objects;
import org.vigie.core.observables.Observable;
import org.vigie.core.observables.ObservableNormaliser;
import org.vigie.core.observables.ObservableType;

/**
 * One value of a watch list: an observable (our domain, our candidate's social account, …), compared
 * with a report's observables on their normalised form, or a keyword, looked for in the report's
 * title and summary.
 *
 * @param type     the observable type, or null for a keyword
 * @param value    what the subscriber entered
 * @param matchKey the normalised observable, or the folded keyword (lower case, no accents)
 */
public record WatchItem(ObservableType type, String value, String matchKey) {

    public WatchItem {
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(matchKey, "matchKey");
    }

    /**
     * @throws org.vigie.core.observables.InvalidObservableException when the value is not an observable
     *         of that type, with the reason
     */
    public static WatchItem observable(ObservableType type, String raw) {
        Observable observable = ObservableNormaliser.normalise(type, raw);
        return new WatchItem(type, observable.raw(), observable.normalised());
    }

    /** @throws IllegalArgumentException when the keyword is blank */
    public static WatchItem keyword(String text) {
        String folded = fold(text == null ? "" : text);
        if (folded.isEmpty()) {
            throw new IllegalArgumentException("empty keyword: nothing to watch for");
        }
        return new WatchItem(null, text.strip(), folded);
    }

    public boolean isKeyword() {
        return type == null;
    }

    /** "keyword" or the observable type's key: how the item is stored and shown. */
    public String kind() {
        return isKeyword() ? "keyword" : type.key();
    }

    /**
     * Lower case, accents removed, blanks collapsed: "Élection  Présidentielle" finds "election
     * presidentielle", because reporters and subscribers do not type accents the same way.
     */
    static String fold(String text) {
        String decomposed = Normalizer.normalize(text, Normalizer.Form.NFKD).replaceAll("\\p{M}+", "");
        return decomposed.toLowerCase(Locale.ROOT).replaceAll("\\s+", " ").strip();
    }
}

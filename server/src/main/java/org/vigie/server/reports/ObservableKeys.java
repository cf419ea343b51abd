package org.vigie.server.reports;

import java.util.List;
import org.springframework.stereotype.Component;
import org.vigie.core.observables.CorrelationKeys;
import org.vigie.core.observables.InvalidObservableException;
import org.vigie.core.observables.Observable;
import org.vigie.core.observables.ObservableNormaliser;
import org.vigie.core.observables.ObservableType;

/**
 * The correlation keys of one observable, by core's rules: a URL also gives its registrable domain,
 * and values on the warning list give none.
 */
@Component
class ObservableKeys {

    record Key(String kind, String value) {
    }

    private final CorrelationKeys keys = CorrelationKeys.standard();

    List<Key> keysOf(ReportObservable stored) {
        return keys.keysOf(observable(stored)).stream().map(k -> new Key(k.kind(), k.value())).toList();
    }

    /**
     * The observable re-read from what the reporter entered, so that keys always follow the current
     * rules; a value the current rules refuse keeps the normalised form it was stored with.
     */
    static Observable observable(ReportObservable stored) {
        ObservableType type = ObservableType.fromKey(stored.type());
        try {
            return ObservableNormaliser.normalise(type, stored.value());
        } catch (InvalidObservableException e) {
            return type == ObservableType.SOCIAL_ACCOUNT || type == ObservableType.FILE_HASH
                    ? ObservableNormaliser.normalise(type, stored.normalised())
                    : Observable.of(type, stored.value(), stored.normalised());
        }
    }
}

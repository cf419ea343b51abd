package org.vigie.server.reports;

import java.util.List;
import org.springframework.stereotype.Component;

/** The correlation keys of one observable, from core's normalisation rules. */
@Component
class ObservableKeys {

    record Key(String kind, String value) {
    }

    List<Key> keysOf(ReportObservable observable) {
        return List.of(new Key(observable.type(), observable.normalised()));
    }
}

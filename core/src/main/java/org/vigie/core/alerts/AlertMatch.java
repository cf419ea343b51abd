package org.vigie.core.alerts;

import java.util.List;

/**
 * The outcome of matching one report against one filter.
 *
 * @param watchHits the watch-list items found in the report (empty when the filter has no watch list),
 *                  so that the alert can say why it was sent
 */
public record AlertMatch(boolean matches, List<WatchItem> watchHits) {

    static final AlertMatch NO = new AlertMatch(false, List.of());

    public AlertMatch {
        watchHits = List.copyOf(watchHits);
    }
}

package org.vigie.server.campaigns;

import java.time.Instant;
import java.util.List;
import org.vigie.core.sharing.Sharing;

/**
 * A campaign as stored: its STIX id, name, description, sharing and every report it refers to.
 * {@code reportIds} may name reports a reader cannot see: never show it as it is, show what
 * {@link Campaigns#view} gives.
 */
public record Campaign(String id, Instant created, Instant modified, String name, String description, Sharing sharing,
                       List<String> reportIds) {

    public Campaign {
        reportIds = List.copyOf(reportIds);
    }
}

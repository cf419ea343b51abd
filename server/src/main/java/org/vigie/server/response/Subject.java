package org.vigie.server.response;

import java.time.Instant;
import java.util.List;
import org.vigie.core.response.SubjectFacts;
import org.vigie.core.sharing.Sharing;

/**
 * What a board is about, as its reader may see it: a report or a campaign.
 *
 * @param facts for a report, what a protocol's trigger reads; for a campaign, null
 */
public record Subject(String id, String type, String title, Instant modified, Sharing sharing, SubjectFacts facts,
                      List<String> disarmTechniques) {

    public String link() {
        return ("report".equals(type) ? "/reports/" : "/campaigns/") + id;
    }
}

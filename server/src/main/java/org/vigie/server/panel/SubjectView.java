package org.vigie.server.panel;

import java.util.List;
import org.vigie.core.sharing.Tlp;

/**
 * A referral's subject as one member may see it, read through the visibility policy: when the member
 * may not see it, only its id and type are shown ({@code visible} false) and the workspace says to ask
 * its owner to share it.
 *
 * @param reportCount for a campaign, the reports in it the reader may see
 */
public record SubjectView(String id, String type, boolean visible, String title, String summary, Tlp tlp, String ownerName,
                          List<String> incidentTypes, String outcome, Integer confidence, int reportCount) {

    public String link() {
        return ("report".equals(type) ? "/reports/" : "/campaigns/") + id;
    }

    static SubjectView hidden(String id, String type) {
        return new SubjectView(id, type, false, null, null, null, null, List.of(), null, null, 0);
    }
}

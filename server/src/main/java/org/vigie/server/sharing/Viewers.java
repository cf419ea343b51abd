package org.vigie.server.sharing;

import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.vigie.core.accounts.Member;
import org.vigie.core.sharing.Viewer;

/**
 * Turns the signed-in member into the {@link Viewer} the visibility policy reads with: their
 * account, organisation and the communities whose current charter their organisation has accepted.
 * Computed per request, never cached across requests, so a membership change applies at once.
 */
@Service
public class Viewers {

    private final Communities communities;

    Viewers(Communities communities) {
        this.communities = communities;
    }

    public Viewer of(Member member) {
        UUID organisation = member.organisationId();
        return new Viewer(member.accountId(), organisation, organisation == null ? Set.of() : communities.activeCommunitiesOf(organisation));
    }
}

package org.vigie.server.sharing;

import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.vigie.core.accounts.Member;
import org.vigie.core.sharing.Viewer;

/**
 * Turns the signed-in member into the {@link Viewer} the visibility policy reads with: their
 * account, organisation and the communities whose charter their organisation has accepted.
 * Computed per request, never cached across requests, so a membership change applies at once.
 */
@Service
public class Viewers {

    private final Function<UUID, Set<UUID>> activeCommunities;

    Viewers(ObjectProvider<CommunityMemberships> memberships) {
        CommunityMemberships source = memberships.getIfAvailable(() -> organisation -> Set.of());
        this.activeCommunities = source::activeCommunitiesOf;
    }

    public Viewer of(Member member) {
        UUID organisation = member.organisationId();
        return new Viewer(member.accountId(), organisation, organisation == null ? Set.of() : activeCommunities.apply(organisation));
    }

    /** Where community memberships come from: the communities feature. */
    public interface CommunityMemberships {
        Set<UUID> activeCommunitiesOf(UUID organisationId);
    }
}

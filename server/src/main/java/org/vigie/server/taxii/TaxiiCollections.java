package org.vigie.server.taxii;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.vigie.core.accounts.Member;
import org.vigie.core.accounts.Permission;
import org.vigie.core.accounts.Permissions;
import org.vigie.core.sharing.Viewer;
import org.vigie.server.organisations.Organisations;
import org.vigie.server.sharing.Communities;
import org.vigie.server.sharing.Community;

/**
 * The collections a client has, computed per request from its organisation's active memberships
 * (so leaving a community or a revoked charter acceptance applies at once). A collection id the
 * client does not have, another organisation's or a community it is not in, answers 404: the same
 * answer as an id that does not exist, so ids cannot be probed.
 */
@Service
public class TaxiiCollections {

    private final Communities communities;
    private final Organisations organisations;

    TaxiiCollections(Communities communities, Organisations organisations) {
        this.communities = communities;
        this.organisations = organisations;
    }

    public List<TaxiiCollection> of(Member member, Viewer viewer) {
        boolean mayShare = Permissions.allows(member, Permission.KNOWLEDGE_SHARE);
        List<TaxiiCollection> collections = new ArrayList<>();
        if (viewer.organisationId() != null) {
            String name = organisations.find(viewer.organisationId()).map(o -> o.name()).orElse("your organisation");
            collections.add(new TaxiiCollection(viewer.organisationId(), TaxiiCollection.Kind.ORGANISATION,
                    "Objects of " + name, "The objects " + name + " stored itself. Objects written here are "
                    + "the organisation's own, TLP:AMBER to it unless they carry their own marking.", true, mayShare));
            List<Community> mine = new ArrayList<>();
            for (UUID id : viewer.activeCommunities()) {
                communities.find(id).ifPresent(mine::add);
            }
            mine.sort(Comparator.comparing(Community::name, String.CASE_INSENSITIVE_ORDER));
            for (Community community : mine) {
                collections.add(new TaxiiCollection(community.id(), TaxiiCollection.Kind.COMMUNITY,
                        "Community " + community.name(), "Objects shared into the community " + community.name()
                        + " that you may read. Objects written here are shared into it, TLP:GREEN unless they carry their own marking.",
                        true, mayShare));
            }
        }
        collections.add(new TaxiiCollection(TaxiiCollection.EVERYTHING_ID, TaxiiCollection.Kind.EVERYTHING,
                "Everything you may read", "Every object you may read on this hub, TLP:CLEAR objects of any organisation included.",
                true, false));
        return collections;
    }

    public TaxiiCollection find(Member member, Viewer viewer, String id) {
        return of(member, viewer).stream().filter(c -> c.id().toString().equalsIgnoreCase(id)).findFirst()
                .orElseThrow(() -> TaxiiException.notFound("No collection " + id + " on this API root for you."));
    }
}

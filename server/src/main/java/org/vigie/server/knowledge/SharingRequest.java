package org.vigie.server.knowledge;

import java.util.Set;
import java.util.UUID;
import org.vigie.core.sharing.Pap;
import org.vigie.core.sharing.Tlp;

/**
 * The marking and distribution a request gives for its objects: the TLP and PAP levels apply to
 * objects that carry none; the distribution applies to every object of the request.
 */
public record SharingRequest(Tlp tlp, Pap pap, Set<UUID> communities, Set<UUID> organisations, Set<UUID> users) {

    public SharingRequest {
        communities = communities == null ? Set.of() : Set.copyOf(communities);
        organisations = organisations == null ? Set.of() : Set.copyOf(organisations);
        users = users == null ? Set.of() : Set.copyOf(users);
    }
}

package org.vigie.server.federation;

import java.util.UUID;
import org.vigie.core.organisations.Sector;

/**
 * What an administrator asks to set on a peer. On creation, name, discovery URL, API root,
 * collection, token, community and (unless an existing organisation is linked) the country of the
 * organisation created for the peer are required; on update a null field means "leave as is" and a
 * blank token keeps the stored one.
 *
 * @param organisationId an existing local organisation standing for the peer; if null one is created
 */
public record PeerChanges(String name, String discoveryUrl, String apiRoot, String collectionId, AuthScheme authScheme,
                          String username, String token, UUID organisationId, Sector organisationSector,
                          String organisationCountry, UUID communityId, String maxTlp, Integer pullIntervalMinutes,
                          Boolean enabled, UUID pushCommunityId, String pushCollectionId) {

    /** The token is never printed, not even in a log line showing the request. */
    @Override
    public String toString() {
        return "PeerChanges[name=" + name + ", apiRoot=" + apiRoot + ", collectionId=" + collectionId + ", token="
                + (token == null || token.isBlank() ? "unchanged" : "(given)") + "]";
    }
}

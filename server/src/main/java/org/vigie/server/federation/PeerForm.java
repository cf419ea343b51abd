package org.vigie.server.federation;

import java.util.UUID;
import org.vigie.core.organisations.Sector;

/** The peer form as typed. The token field is always empty when the form is shown: it is never sent back. */
public class PeerForm {

    private String name;
    private String discoveryUrl;
    private String apiRoot;
    private String collectionId;
    private AuthScheme authScheme = AuthScheme.BEARER;
    private String username;
    private String token;
    private UUID organisationId;
    private Sector organisationSector = Sector.INTERNATIONAL_ORGANISATION;
    private String organisationCountry;
    private UUID communityId;
    private String maxTlp = "GREEN";
    private Integer pullIntervalMinutes = 60;
    private boolean enabled = true;
    private UUID pushCommunityId;
    private String pushCollectionId;

    static PeerForm of(Peer peer) {
        PeerForm form = new PeerForm();
        form.name = peer.name();
        form.discoveryUrl = peer.discoveryUrl();
        form.apiRoot = peer.apiRoot();
        form.collectionId = peer.collectionId();
        form.authScheme = peer.authScheme();
        form.username = peer.username();
        form.organisationId = peer.organisationId();
        form.communityId = peer.communityId();
        form.maxTlp = peer.maxTlp().name();
        form.pullIntervalMinutes = peer.pullIntervalMinutes();
        form.enabled = peer.enabled();
        form.pushCommunityId = peer.pushCommunityId();
        form.pushCollectionId = peer.pushCollectionId();
        return form;
    }

    PeerChanges changes() {
        return new PeerChanges(name, discoveryUrl, apiRoot, collectionId, authScheme, username == null ? "" : username, token,
                organisationId, organisationSector, organisationCountry, communityId, maxTlp, pullIntervalMinutes, enabled,
                pushCommunityId, pushCollectionId == null ? "" : pushCollectionId);
    }

    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public String getDiscoveryUrl() { return discoveryUrl; }
    public void setDiscoveryUrl(String discoveryUrl) { this.discoveryUrl = discoveryUrl; }
    public String getApiRoot() { return apiRoot; }
    public void setApiRoot(String apiRoot) { this.apiRoot = apiRoot; }
    public String getCollectionId() { return collectionId; }
    public void setCollectionId(String collectionId) { this.collectionId = collectionId; }
    public AuthScheme getAuthScheme() { return authScheme; }
    public void setAuthScheme(AuthScheme authScheme) { this.authScheme = authScheme; }
    public String getUsername() { return username; }
    public void setUsername(String username) { this.username = username; }
    public String getToken() { return null; } // never shown back
    public void setToken(String token) { this.token = token; }
    public UUID getOrganisationId() { return organisationId; }
    public void setOrganisationId(UUID organisationId) { this.organisationId = organisationId; }
    public Sector getOrganisationSector() { return organisationSector; }
    public void setOrganisationSector(Sector organisationSector) { this.organisationSector = organisationSector; }
    public String getOrganisationCountry() { return organisationCountry; }
    public void setOrganisationCountry(String organisationCountry) { this.organisationCountry = organisationCountry; }
    public UUID getCommunityId() { return communityId; }
    public void setCommunityId(UUID communityId) { this.communityId = communityId; }
    public String getMaxTlp() { return maxTlp; }
    public void setMaxTlp(String maxTlp) { this.maxTlp = maxTlp; }
    public Integer getPullIntervalMinutes() { return pullIntervalMinutes; }
    public void setPullIntervalMinutes(Integer pullIntervalMinutes) { this.pullIntervalMinutes = pullIntervalMinutes; }
    public boolean isEnabled() { return enabled; }
    public void setEnabled(boolean enabled) { this.enabled = enabled; }
    public UUID getPushCommunityId() { return pushCommunityId; }
    public void setPushCommunityId(UUID pushCommunityId) { this.pushCommunityId = pushCommunityId; }
    public String getPushCollectionId() { return pushCollectionId; }
    public void setPushCollectionId(String pushCollectionId) { this.pushCollectionId = pushCollectionId; }
}

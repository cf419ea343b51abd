package org.vigie.server.knowledge;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** The share form as typed: the pasted STIX, the markings and the distribution. */
public class ShareForm {

    private String text = "";
    private String tlp = "";
    private String pap = "";
    private List<UUID> communities = new ArrayList<>();
    private List<UUID> organisations = new ArrayList<>();
    private List<UUID> users = new ArrayList<>();
    private boolean partial;

    public String getText() {
        return text;
    }

    public void setText(String text) {
        this.text = text;
    }

    public String getTlp() {
        return tlp;
    }

    public void setTlp(String tlp) {
        this.tlp = tlp;
    }

    public String getPap() {
        return pap;
    }

    public void setPap(String pap) {
        this.pap = pap;
    }

    public List<UUID> getCommunities() {
        return communities;
    }

    public void setCommunities(List<UUID> communities) {
        this.communities = communities == null ? new ArrayList<>() : communities;
    }

    public List<UUID> getOrganisations() {
        return organisations;
    }

    public void setOrganisations(List<UUID> organisations) {
        this.organisations = organisations == null ? new ArrayList<>() : organisations;
    }

    public List<UUID> getUsers() {
        return users;
    }

    public void setUsers(List<UUID> users) {
        this.users = users == null ? new ArrayList<>() : users;
    }

    public boolean isPartial() {
        return partial;
    }

    public void setPartial(boolean partial) {
        this.partial = partial;
    }
}

package org.vigie.core.accounts;

import java.util.UUID;

/** Decides {@link Permission}s; every web page and API endpoint asks here rather than deciding itself. */
public final class Permissions {

    private Permissions() {
    }

    /**
     * @param organisation the organisation the action concerns, or null for platform-wide actions
     */
    public static boolean allows(Member member, Permission permission, UUID organisation) {
        return decide(member, permission, organisation, false);
    }

    public static boolean allows(Member member, Permission permission) {
        return allows(member, permission, null);
    }

    /**
     * For actions on one community, which depend on a fact only the caller can look up.
     *
     * @param communityAdministrator whether the member is one of that community's administrators
     */
    public static boolean allowsOnCommunity(Member member, Permission permission, boolean communityAdministrator) {
        return decide(member, permission, null, communityAdministrator);
    }

    private static boolean decide(Member member, Permission permission, UUID organisation, boolean communityAdministrator) {
        if (member == null) {
            return false;
        }
        boolean platform = member.platformAdministrator();
        return switch (permission) {
            case ORGANISATION_CREATE, PLATFORM_ADMINISTRATOR_GRANT, AUDIT_READ, METRICS_READ, FEDERATION_MANAGE -> platform;
            case ORGANISATION_EDIT, ACCOUNT_MANAGE, CONTACT_MANAGE -> platform || member.administers(organisation);
            case ACCOUNT_LIST -> platform || member.belongsTo(organisation);
            case KNOWLEDGE_SHARE -> member.organisationId() != null && member.role() != OrganisationRole.VIEWER;
            case COMMUNITY_CREATE, ELECTION_MANAGE -> platform || member.role() == OrganisationRole.ADMINISTRATOR;
            case COMMUNITY_ADMINISTER -> platform || communityAdministrator;
            case COMMUNITY_CHARTER_ACCEPT -> member.administers(organisation);
        };
    }
}

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
        if (member == null) {
            return false;
        }
        boolean platform = member.platformAdministrator();
        return switch (permission) {
            case ORGANISATION_CREATE, PLATFORM_ADMINISTRATOR_GRANT, AUDIT_READ, METRICS_READ -> platform;
            case ORGANISATION_EDIT, ACCOUNT_MANAGE, CONTACT_MANAGE -> platform || member.administers(organisation);
            case ACCOUNT_LIST -> platform || member.belongsTo(organisation);
            case KNOWLEDGE_SHARE -> member.organisationId() != null && member.role() != OrganisationRole.VIEWER;
        };
    }

    public static boolean allows(Member member, Permission permission) {
        return allows(member, permission, null);
    }
}

package org.vigie.core.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;
import org.junit.jupiter.api.Test;

class PermissionsTest {

    private final UUID ours = UUID.randomUUID();
    private final UUID theirs = UUID.randomUUID();
    private final Member platformAdmin = new Member(UUID.randomUUID(), "admin", null, null, true);
    private final Member orgAdmin = new Member(UUID.randomUUID(), "claire", ours, OrganisationRole.ADMINISTRATOR, false);
    private final Member analyst = new Member(UUID.randomUUID(), "ana", ours, OrganisationRole.ANALYST, false);
    private final Member viewer = new Member(UUID.randomUUID(), "vic", ours, OrganisationRole.VIEWER, false);

    @Test
    void onlyPlatformAdministratorsCreateOrganisations() {
        assertThat(Permissions.allows(platformAdmin, Permission.ORGANISATION_CREATE)).isTrue();
        assertThat(Permissions.allows(orgAdmin, Permission.ORGANISATION_CREATE)).isFalse();
        assertThat(Permissions.allows(analyst, Permission.ORGANISATION_CREATE)).isFalse();
    }

    @Test
    void anOrganisationAdministratorManagesOnlyTheirOwnOrganisation() {
        assertThat(Permissions.allows(orgAdmin, Permission.CONTACT_MANAGE, ours)).isTrue();
        assertThat(Permissions.allows(orgAdmin, Permission.ACCOUNT_MANAGE, ours)).isTrue();
        assertThat(Permissions.allows(orgAdmin, Permission.CONTACT_MANAGE, theirs)).isFalse();
        assertThat(Permissions.allows(orgAdmin, Permission.ORGANISATION_EDIT, theirs)).isFalse();
    }

    @Test
    void analystsAndViewersManageNothing() {
        for (Permission p : new Permission[] {Permission.ORGANISATION_EDIT, Permission.ACCOUNT_MANAGE, Permission.CONTACT_MANAGE}) {
            assertThat(Permissions.allows(analyst, p, ours)).as("analyst %s", p).isFalse();
            assertThat(Permissions.allows(viewer, p, ours)).as("viewer %s", p).isFalse();
        }
    }

    @Test
    void membersListTheirOwnOrganisationsAccountsOnly() {
        assertThat(Permissions.allows(viewer, Permission.ACCOUNT_LIST, ours)).isTrue();
        assertThat(Permissions.allows(viewer, Permission.ACCOUNT_LIST, theirs)).isFalse();
    }

    @Test
    void onlyPlatformAdministratorsReadTheAuditLogAndGrantTheirRole() {
        assertThat(Permissions.allows(platformAdmin, Permission.AUDIT_READ)).isTrue();
        assertThat(Permissions.allows(orgAdmin, Permission.AUDIT_READ)).isFalse();
        assertThat(Permissions.allows(orgAdmin, Permission.PLATFORM_ADMINISTRATOR_GRANT)).isFalse();
    }

    @Test
    void analystsAndAdministratorsShareKnowledgeButViewersAndOrganisationlessAdministratorsDoNot() {
        assertThat(Permissions.allows(analyst, Permission.KNOWLEDGE_SHARE)).isTrue();
        assertThat(Permissions.allows(orgAdmin, Permission.KNOWLEDGE_SHARE)).isTrue();
        assertThat(Permissions.allows(viewer, Permission.KNOWLEDGE_SHARE)).isFalse();
        assertThat(Permissions.allows(platformAdmin, Permission.KNOWLEDGE_SHARE)).isFalse();
    }

    @Test
    void platformAndOrganisationAdministratorsCreateCommunities() {
        assertThat(Permissions.allows(platformAdmin, Permission.COMMUNITY_CREATE)).isTrue();
        assertThat(Permissions.allows(orgAdmin, Permission.COMMUNITY_CREATE)).isTrue();
        assertThat(Permissions.allows(analyst, Permission.COMMUNITY_CREATE)).isFalse();
        assertThat(Permissions.allows(viewer, Permission.COMMUNITY_CREATE)).isFalse();
    }

    @Test
    void platformAndOrganisationAdministratorsManageElectionsButAnalystsAndViewersDoNot() {
        assertThat(Permissions.allows(platformAdmin, Permission.ELECTION_MANAGE)).isTrue();
        assertThat(Permissions.allows(orgAdmin, Permission.ELECTION_MANAGE)).isTrue();
        assertThat(Permissions.allows(analyst, Permission.ELECTION_MANAGE)).isFalse();
        assertThat(Permissions.allows(viewer, Permission.ELECTION_MANAGE)).isFalse();
    }

    @Test
    void aCommunityIsRunByItsAdministratorsAndPlatformAdministrators() {
        assertThat(Permissions.allowsOnCommunity(analyst, Permission.COMMUNITY_ADMINISTER, true)).isTrue();
        assertThat(Permissions.allowsOnCommunity(orgAdmin, Permission.COMMUNITY_ADMINISTER, false)).isFalse();
        assertThat(Permissions.allowsOnCommunity(platformAdmin, Permission.COMMUNITY_ADMINISTER, false)).isTrue();
        assertThat(Permissions.allows(orgAdmin, Permission.COMMUNITY_ADMINISTER, ours)).as("without the fact, nobody but the platform").isFalse();
    }

    @Test
    void onlyAnOrganisationsOwnAdministratorsAcceptACharterForIt() {
        Member platformAdminOfOurs = new Member(UUID.randomUUID(), "root", ours, OrganisationRole.ADMINISTRATOR, true);

        assertThat(Permissions.allows(orgAdmin, Permission.COMMUNITY_CHARTER_ACCEPT, ours)).isTrue();
        assertThat(Permissions.allows(orgAdmin, Permission.COMMUNITY_CHARTER_ACCEPT, theirs)).isFalse();
        assertThat(Permissions.allows(analyst, Permission.COMMUNITY_CHARTER_ACCEPT, ours)).isFalse();
        assertThat(Permissions.allows(platformAdmin, Permission.COMMUNITY_CHARTER_ACCEPT, ours)).as("running the platform is not a commitment").isFalse();
        assertThat(Permissions.allows(platformAdminOfOurs, Permission.COMMUNITY_CHARTER_ACCEPT, ours)).isTrue();
        assertThat(Permissions.allows(platformAdminOfOurs, Permission.COMMUNITY_CHARTER_ACCEPT, theirs)).isFalse();
    }

    @Test
    void onlyPlatformAdministratorsManagePeerHubs() {
        assertThat(Permissions.allows(platformAdmin, Permission.FEDERATION_MANAGE)).isTrue();
        assertThat(Permissions.allows(orgAdmin, Permission.FEDERATION_MANAGE)).isFalse();
        assertThat(Permissions.allows(analyst, Permission.FEDERATION_MANAGE)).isFalse();
    }

    @Test
    void nobodyIsAllowedAnythingWithoutAnAccount() {
        for (Permission p : Permission.values()) {
            assertThat(Permissions.allows(null, p, ours)).isFalse();
            assertThat(Permissions.allowsOnCommunity(null, p, true)).isFalse();
        }
    }

    @Test
    void onlyAPlatformAdministratorMayBelongToNoOrganisation() {
        assertThatThrownBy(() -> new Member(UUID.randomUUID(), "x", null, null, false))
                .isInstanceOf(IllegalArgumentException.class);
    }
}

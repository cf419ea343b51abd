package org.vigie.core.sharing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class VisibilityPolicyTest {

    private final UUID owner = UUID.randomUUID();
    private final UUID recipient = UUID.randomUUID();
    private final UUID outsider = UUID.randomUUID();
    private final UUID community = UUID.randomUUID();
    private final UUID namedPerson = UUID.randomUUID();

    private Viewer memberOf(UUID organisation, Set<UUID> communities) {
        return new Viewer(UUID.randomUUID(), organisation, communities);
    }

    private Sharing shared(Tlp tlp) {
        return new Sharing(owner, tlp, null, new Distribution(Set.of(community), Set.of(recipient), Set.of(namedPerson)));
    }

    @Test
    void theOwnerAlwaysSeesItsObjects() {
        for (Tlp tlp : Tlp.values()) {
            assertThat(VisibilityPolicy.maySee(memberOf(owner, Set.of()), shared(tlp))).as("%s", tlp).isTrue();
        }
    }

    @Test
    void clearIsForEveryone() {
        assertThat(VisibilityPolicy.maySee(memberOf(outsider, Set.of()), shared(Tlp.CLEAR))).isTrue();
        assertThat(VisibilityPolicy.maySee(new Viewer(UUID.randomUUID(), null, Set.of()), shared(Tlp.CLEAR))).isTrue();
    }

    @Test
    void greenIsForActiveMembersOfTheCommunitiesItWasSharedWithAndTheNamedOrganisations() {
        assertThat(VisibilityPolicy.maySee(memberOf(outsider, Set.of(community)), shared(Tlp.GREEN))).isTrue();
        assertThat(VisibilityPolicy.maySee(memberOf(outsider, Set.of(UUID.randomUUID())), shared(Tlp.GREEN))).isFalse();
        // GREEN is wider than AMBER: an organisation it was named to (e.g. a notified target, ADR 0008) reads it
        assertThat(VisibilityPolicy.maySee(memberOf(recipient, Set.of()), shared(Tlp.GREEN))).isTrue();
    }

    @Test
    void amberAndAmberStrictAreForTheNamedOrganisations() {
        for (Tlp tlp : new Tlp[] {Tlp.AMBER, Tlp.AMBER_STRICT}) {
            assertThat(VisibilityPolicy.maySee(memberOf(recipient, Set.of()), shared(tlp))).isTrue();
            assertThat(VisibilityPolicy.maySee(memberOf(outsider, Set.of(community)), shared(tlp))).isFalse();
        }
    }

    @Test
    void redIsForTheNamedPeopleOnly() {
        assertThat(VisibilityPolicy.maySee(new Viewer(namedPerson, outsider, Set.of()), shared(Tlp.RED))).isTrue();
        assertThat(VisibilityPolicy.maySee(memberOf(recipient, Set.of(community)), shared(Tlp.RED))).isFalse();
    }

    @Test
    void aPlatformAdministratorWithoutAnOrganisationSeesOnlyClear() {
        Viewer admin = new Viewer(UUID.randomUUID(), null, Set.of());
        for (Tlp tlp : Tlp.values()) {
            assertThat(VisibilityPolicy.maySee(admin, shared(tlp))).as("%s", tlp).isEqualTo(tlp == Tlp.CLEAR);
        }
    }

    @Test
    void markingIdsRoundTripAndTlp1IsReadAsTlp2() {
        for (Tlp tlp : Tlp.values()) {
            assertThat(Tlp.ofMarkingDefinition(tlp.markingDefinitionId())).contains(tlp);
        }
        assertThat(Tlp.ofMarkingDefinition("marking-definition--613f2e26-407d-48c7-9eca-b8e91df99dc9")).contains(Tlp.CLEAR);
        assertThat(Tlp.parse("tlp:amber+strict")).contains(Tlp.AMBER_STRICT);
        assertThat(Tlp.parse("ORANGE")).isEmpty();
    }

    @Test
    void papMarkingIdsAreStableAndDistinct() {
        assertThat(Pap.AMBER.markingDefinitionId()).isEqualTo(Pap.AMBER.markingDefinitionId()).isNotEqualTo(Pap.RED.markingDefinitionId());
        assertThat(Pap.ofMarkingDefinition(Pap.GREEN.markingDefinitionId())).contains(Pap.GREEN);
    }

    @Test
    void theSqlPredicateOmitsTermsThatCannotMatch() {
        VisibilityPolicy.SqlPredicate predicate = VisibilityPolicy.sqlPredicate(new Viewer(UUID.randomUUID(), null, Set.of()), "o");

        assertThat(predicate.sql()).doesNotContain("vis_organisation", "vis_communities").contains("o.tlp = 'CLEAR'");
    }
}

package org.vigie.core.sharing;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The one rule for who may read a shared object, after FIRST's TLP 2.0:
 * <ul>
 *   <li>the owning organisation always sees its objects;</li>
 *   <li>TLP:CLEAR — any signed-in user;</li>
 *   <li>TLP:GREEN — members of the communities it was shared with (whose organisation accepted the charter),
 *       and the organisations it was named to (GREEN is wider than AMBER: an organisation that could be
 *       given it at AMBER may be given it at GREEN; a victim notice names the target so, ADR 0008);</li>
 *   <li>TLP:AMBER and TLP:AMBER+STRICT — the named recipient organisations;</li>
 *   <li>TLP:RED — the named people only.</li>
 * </ul>
 * Nothing else grants a read: not being a platform administrator, not PAP, not having written a
 * note about it. The same rule exists twice, as {@link #maySee} for one object and as
 * {@link #sqlPredicate} for lists and searches; randomised tests hold the two to the same answers.
 */
public final class VisibilityPolicy {

    private VisibilityPolicy() {
    }

    public static boolean maySee(Viewer viewer, Sharing sharing) {
        UUID organisation = viewer.organisationId();
        if (organisation != null && organisation.equals(sharing.ownerOrganisation())) {
            return true;
        }
        Distribution to = sharing.distribution();
        return switch (sharing.tlp()) {
            case CLEAR -> true;
            case GREEN -> !Collections.disjoint(viewer.activeCommunities(), to.communities())
                    || (organisation != null && to.organisations().contains(organisation));
            case AMBER, AMBER_STRICT -> organisation != null && to.organisations().contains(organisation);
            case RED -> to.users().contains(viewer.accountId());
        };
    }

    /**
     * Whether reading an object at this level is itself worth recording: AMBER+STRICT and RED reads
     * go to the audit log, so an owner can know who read what was shared most narrowly.
     */
    public static boolean readIsAudited(Tlp tlp) {
        return tlp == Tlp.AMBER_STRICT || tlp == Tlp.RED;
    }

    /** A WHERE-clause fragment and its named parameters. */
    public record SqlPredicate(String sql, Map<String, Object> parameters) {
    }

    /**
     * The policy as SQL over a table whose columns are named like {@code stix_objects}'s:
     * {@code owner_organisation uuid, tlp text, dist_communities uuid[], dist_organisations uuid[],
     * dist_users uuid[]}. Arrays are passed as PostgreSQL array literals so that any JDBC layer can
     * bind them as text.
     *
     * @param alias the table alias, e.g. "o"
     */
    public static SqlPredicate sqlPredicate(Viewer viewer, String alias) {
        String a = alias.isEmpty() ? "" : alias + ".";
        List<String> terms = new ArrayList<>();
        Map<String, Object> parameters = new LinkedHashMap<>();
        terms.add(a + "tlp = 'CLEAR'");
        if (viewer.organisationId() != null) {
            terms.add(a + "owner_organisation = CAST(:vis_organisation AS uuid)");
            terms.add("(" + a + "tlp IN ('GREEN', 'AMBER', 'AMBER_STRICT') AND " + a + "dist_organisations @> ARRAY[CAST(:vis_organisation AS uuid)])");
            parameters.put("vis_organisation", viewer.organisationId().toString());
        }
        if (!viewer.activeCommunities().isEmpty()) {
            terms.add("(" + a + "tlp = 'GREEN' AND " + a + "dist_communities && CAST(:vis_communities AS uuid[]))");
            parameters.put("vis_communities", arrayLiteral(viewer.activeCommunities()));
        }
        terms.add("(" + a + "tlp = 'RED' AND " + a + "dist_users @> ARRAY[CAST(:vis_account AS uuid)])");
        parameters.put("vis_account", viewer.accountId().toString());
        return new SqlPredicate("(" + String.join(" OR ", terms) + ")", parameters);
    }

    public static String arrayLiteral(Set<UUID> ids) {
        return ids.stream().map(UUID::toString).sorted().collect(Collectors.joining(",", "{", "}"));
    }
}

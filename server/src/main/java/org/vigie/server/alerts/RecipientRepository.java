package org.vigie.server.alerts;

import java.sql.Array;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.vigie.core.sharing.Distribution;
import org.vigie.core.sharing.Pap;
import org.vigie.core.sharing.Sharing;
import org.vigie.core.sharing.Tlp;

/**
 * What the outbox needs to decide who receives a notification: the people behind a subscription and
 * the stored sharing of the report. These are system reads made to APPLY the visibility policy per
 * recipient; nothing read here is shown to anyone.
 */
@Repository
class RecipientRepository {

    /** A person who may receive notifications: enabled, with their organisation and e-mail address (may be null). */
    record Recipient(UUID account, UUID organisation, String email, String locale) {
    }

    private final JdbcClient jdbc;

    RecipientRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Recipient> account(UUID account) {
        return jdbc.sql("SELECT id, organisation_id, email, locale FROM accounts WHERE id = :id AND enabled")
                .param("id", account)
                .query((rs, n) -> new Recipient(rs.getObject("id", UUID.class), rs.getObject("organisation_id", UUID.class),
                        rs.getString("email"), rs.getString("locale")))
                .optional();
    }

    List<Recipient> membersOf(UUID organisation) {
        return jdbc.sql("SELECT id, organisation_id, email, locale FROM accounts WHERE organisation_id = :org AND enabled ORDER BY id")
                .param("org", organisation)
                .query((rs, n) -> new Recipient(rs.getObject("id", UUID.class), rs.getObject("organisation_id", UUID.class),
                        rs.getString("email"), rs.getString("locale")))
                .list();
    }

    /**
     * Who receives an organisation's victim notices in the app: its enabled administrators and
     * analysts (the people who can act on it), or every enabled member when it has none of them.
     */
    List<Recipient> noticeRecipientsOf(UUID organisation) {
        List<Recipient> staff = jdbc.sql("""
                        SELECT id, organisation_id, email, locale FROM accounts
                        WHERE organisation_id = :org AND enabled AND role IN ('ADMINISTRATOR', 'ANALYST') ORDER BY id""")
                .param("org", organisation)
                .query((rs, n) -> new Recipient(rs.getObject("id", UUID.class), rs.getObject("organisation_id", UUID.class),
                        rs.getString("email"), rs.getString("locale")))
                .list();
        return staff.isEmpty() ? membersOf(organisation) : staff;
    }

    /** The sharing of the object's newest stored version, as the knowledge store settled it. */
    Optional<Sharing> storedSharing(String stixId) {
        return jdbc.sql("""
                SELECT owner_organisation, tlp, pap, dist_communities, dist_organisations, dist_users
                FROM stix_objects WHERE stix_id = :id AND is_latest""")
                .param("id", stixId)
                .query((rs, n) -> {
                    String pap = rs.getString("pap");
                    return new Sharing(rs.getObject("owner_organisation", UUID.class), Tlp.valueOf(rs.getString("tlp")),
                            pap == null ? null : Pap.valueOf(pap), new Distribution(uuids(rs.getArray("dist_communities")),
                            uuids(rs.getArray("dist_organisations")), uuids(rs.getArray("dist_users"))));
                })
                .optional();
    }

    private static Set<UUID> uuids(Array array) throws SQLException {
        return array == null ? Set.of() : new HashSet<>(Arrays.asList((UUID[]) array.getArray()));
    }
}

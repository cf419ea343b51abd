package org.vigie.server.campaigns;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The campaigns' rows beside the knowledge store: each campaign's head version (locked while it
 * changes) and its members. No sharing here: whoever reads a campaign reads it through the store,
 * and its members through the reports' policy.
 */
@Repository
class CampaignRepository {

    private final JdbcClient jdbc;

    CampaignRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(String id, UUID owner, Instant modified) {
        jdbc.sql("INSERT INTO campaigns (stix_id, owner_organisation, modified) VALUES (:id, :owner, :modified) ON CONFLICT DO NOTHING")
                .param("id", id).param("owner", owner).param("modified", Timestamp.from(modified)).update();
    }

    /** The newest version's time, the row locked until the transaction ends; empty for a campaign stored by other means. */
    Optional<Instant> lockModified(String id) {
        return jdbc.sql("SELECT modified FROM campaigns WHERE stix_id = :id FOR UPDATE").param("id", id)
                .query((rs, n) -> rs.getTimestamp(1).toInstant()).optional();
    }

    void setModified(String id, Instant modified) {
        jdbc.sql("UPDATE campaigns SET modified = :modified WHERE stix_id = :id")
                .param("id", id).param("modified", Timestamp.from(modified)).update();
    }

    /** Makes the members exactly these reports. */
    void replaceMembers(String campaign, Collection<String> reports, Instant at) {
        String ids = textArray(reports);
        jdbc.sql("DELETE FROM campaign_reports WHERE campaign_id = :campaign AND NOT (report_id = ANY(CAST(:ids AS text[])))")
                .param("campaign", campaign).param("ids", ids).update();
        jdbc.sql("""
                        INSERT INTO campaign_reports (campaign_id, report_id, added_at)
                        SELECT :campaign, r, :at FROM unnest(CAST(:ids AS text[])) AS r
                        ON CONFLICT DO NOTHING""")
                .param("campaign", campaign).param("ids", ids).param("at", Timestamp.from(at)).update();
    }

    /** A campaign's members, in the order they were added (whoever may see them: callers filter through the reports' policy). */
    List<String> members(String campaign) {
        return jdbc.sql("SELECT report_id FROM campaign_reports WHERE campaign_id = :campaign ORDER BY added_at, report_id")
                .param("campaign", campaign).query(String.class).list();
    }

    /** The campaigns a report is part of (whoever may see them: callers read each through the store). */
    List<String> campaignsWith(String report) {
        return jdbc.sql("SELECT campaign_id FROM campaign_reports WHERE report_id = :report ORDER BY added_at DESC")
                .param("report", report).query(String.class).list();
    }

    /** Creates the campaign's row, or moves it to this newer version. */
    void upsert(String id, UUID owner, Instant modified) {
        jdbc.sql("""
                        INSERT INTO campaigns (stix_id, owner_organisation, modified) VALUES (:id, :owner, :modified)
                        ON CONFLICT (stix_id) DO UPDATE SET modified = excluded.modified
                        WHERE campaigns.owner_organisation = excluded.owner_organisation AND campaigns.modified < excluded.modified""")
                .param("id", id).param("owner", owner).param("modified", Timestamp.from(modified)).update();
    }

    /** Adds a member if the campaign belongs to this organisation and the report exists; whether it was added. */
    boolean addMember(String campaign, UUID owner, String report, Instant at) {
        return jdbc.sql("""
                        INSERT INTO campaign_reports (campaign_id, report_id, added_at)
                        SELECT c.stix_id, r.stix_id, :at FROM campaigns c, reports r
                        WHERE c.stix_id = :campaign AND c.owner_organisation = :owner AND r.stix_id = :report
                        ON CONFLICT DO NOTHING""")
                .param("campaign", campaign).param("owner", owner).param("report", report).param("at", Timestamp.from(at)).update() > 0;
    }

    static String textArray(Collection<String> values) {
        return values.stream().map(v -> "\"" + v.replace("\\", "\\\\").replace("\"", "\\\"") + "\"")
                .collect(Collectors.joining(",", "{", "}"));
    }
}

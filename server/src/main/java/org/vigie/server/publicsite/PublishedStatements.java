package org.vigie.server.publicsite;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The one read model of the public site: what the panel approved for publication and nothing else.
 * <ul>
 *   <li>statements whose status is PUBLISHED (and whose publication time has come), with the fields
 *       of their <em>approved</em> version only — a later draft is never read — and within those
 *       fields only the template's sections, named one by one in the SQL (any other key in the JSON
 *       is never read);</li>
 *   <li>their corrections once published;</li>
 *   <li>of panels: name, mandate, decision rule and the members' public titles and roles (no
 *       account, no declared interest);</li>
 *   <li>of elections: name and day (public facts).</li>
 * </ul>
 * A referral is joined only for the panel it was referred to (its id); no column of a report, a
 * referral, an assessment, a decision or a notice is selected. Every method is a fixed number of
 * queries, whatever the number of rows.
 */
@Repository
public class PublishedStatements {

    /** Published, due, and approved: the gate every statement query goes through. */
    private static final String PUBLISHED = " (s.status = 'PUBLISHED' AND s.published_at IS NOT NULL AND s.published_at <= :now"
            + " AND s.approved_version IS NOT NULL) ";

    private static final String STATEMENT_COLUMNS = """
            SELECT s.id, s.slug, s.published_at, v.incident_type, v.cycle_phase,
                   v.fields -> 'fr' ->> 'title' AS fr_title, v.fields -> 'fr' ->> 'what_happened' AS fr_what_happened,
                   v.fields -> 'fr' ->> 'who_is_affected' AS fr_who_is_affected, v.fields -> 'fr' ->> 'what_to_do' AS fr_what_to_do,
                   v.fields -> 'fr' ->> 'what_is_being_done' AS fr_what_is_being_done,
                   v.fields -> 'fr' ->> 'how_the_panel_decided' AS fr_how_the_panel_decided,
                   v.fields -> 'en' ->> 'title' AS en_title, v.fields -> 'en' ->> 'what_happened' AS en_what_happened,
                   v.fields -> 'en' ->> 'who_is_affected' AS en_who_is_affected, v.fields -> 'en' ->> 'what_to_do' AS en_what_to_do,
                   v.fields -> 'en' ->> 'what_is_being_done' AS en_what_is_being_done,
                   v.fields -> 'en' ->> 'how_the_panel_decided' AS en_how_the_panel_decided,
                   e.name AS election_name, e.election_day, p.id AS panel_id, p.name AS panel_name
              FROM panel_statements s
              JOIN panel_statement_versions v ON v.statement_id = s.id AND v.version = s.approved_version
              JOIN panel_referrals r ON r.id = s.referral_id
              JOIN panels p ON p.id = r.panel_id
              LEFT JOIN elections e ON e.id = v.election_id
            """;

    private final JdbcClient jdbc;
    private final Clock clock;

    PublishedStatements(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** A page of published statements, newest first, with their corrections. */
    public Page page(int page, int size) {
        int safePage = Math.max(1, page);
        int safeSize = Math.max(1, Math.min(size, 500));
        Instant now = clock.instant();
        List<PublishedStatement> rows = jdbc.sql(STATEMENT_COLUMNS + " WHERE " + PUBLISHED
                        + " ORDER BY s.published_at DESC, s.slug LIMIT :limit OFFSET :offset")
                .param("now", timestamp(now)).param("limit", safeSize + 1).param("offset", (safePage - 1) * safeSize)
                .query(PublishedStatements::statement).list();
        boolean more = rows.size() > safeSize;
        List<PublishedStatement> shown = withCorrections(more ? rows.subList(0, safeSize) : rows, now);
        return new Page(shown, safePage, safeSize, more, count(now));
    }

    /** Every published statement, newest first (the feed, the sitemap). */
    public List<PublishedStatement> all() {
        Instant now = clock.instant();
        return withCorrections(jdbc.sql(STATEMENT_COLUMNS + " WHERE " + PUBLISHED + " ORDER BY s.published_at DESC, s.slug")
                .param("now", timestamp(now)).query(PublishedStatements::statement).list(), now);
    }

    public Optional<PublishedStatement> bySlug(String slug) {
        Instant now = clock.instant();
        return jdbc.sql(STATEMENT_COLUMNS + " WHERE " + PUBLISHED + " AND s.slug = :slug")
                .param("now", timestamp(now)).param("slug", slug).query(PublishedStatements::statement).optional()
                .map(found -> withCorrections(List.of(found), now).get(0));
    }

    /** How many published statements there are for each (incident type, cycle phase) the panels chose. */
    public List<Count> counts() {
        return jdbc.sql("""
                        SELECT v.incident_type, v.cycle_phase, count(*) AS n
                          FROM panel_statements s
                          JOIN panel_statement_versions v ON v.statement_id = s.id AND v.version = s.approved_version
                         WHERE """ + PUBLISHED + " GROUP BY v.incident_type, v.cycle_phase")
                .param("now", timestamp(clock.instant()))
                .query((rs, n) -> new Count(rs.getString("incident_type"), rs.getString("cycle_phase"), rs.getLong("n"))).list();
    }

    /**
     * The panels the methodology page shows: the active ones, and any other that published a
     * statement. Members by public title and role only, chairs first.
     */
    public List<PublicPanel> panels() {
        Instant now = clock.instant();
        Map<UUID, List<PublicPanel.Member>> members = new LinkedHashMap<>();
        jdbc.sql("""
                        SELECT m.panel_id, m.role, m.public_title
                          FROM panel_members m
                         WHERE m.removed_at IS NULL
                         ORDER BY m.panel_id, m.role = 'CHAIR' DESC, m.added_at, m.public_title""")
                .query(rs -> {
                    members.computeIfAbsent(rs.getObject("panel_id", UUID.class), k -> new ArrayList<>())
                            .add(new PublicPanel.Member(rs.getString("role"), rs.getString("public_title")));
                });
        return jdbc.sql("""
                        SELECT p.id, p.name, p.mandate_fr, p.mandate_en, p.decision_rule, p.quorum, e.name AS election_name,
                               e.election_day
                          FROM panels p
                          LEFT JOIN elections e ON e.id = p.election_id
                         WHERE p.active OR EXISTS (SELECT 1 FROM panel_statements s JOIN panel_referrals r ON r.id = s.referral_id
                                                    WHERE r.panel_id = p.id AND """ + PUBLISHED + """
                        )
                         ORDER BY e.election_day DESC NULLS LAST, p.name""")
                .param("now", timestamp(now))
                .query((rs, n) -> {
                    UUID id = rs.getObject("id", UUID.class);
                    Integer quorum = rs.getObject("quorum", Integer.class);
                    return new PublicPanel(id, rs.getString("name"), rs.getString("mandate_fr"), rs.getString("mandate_en"),
                            rs.getString("decision_rule"), quorum, election(rs), List.copyOf(members.getOrDefault(id, List.of())));
                }).list();
    }

    /**
     * A fingerprint of everything the public site shows, cheap to compute: the pages' ETags are derived
     * from it, so an unchanged site answers 304 before any page is built. It changes when a statement
     * is published or withdrawn, a correction appears, a panel or its membership changes, or an
     * election is edited.
     */
    public String fingerprint() {
        String state = jdbc.sql("""
                        SELECT concat_ws('|',
                          (SELECT string_agg(s.id::text || ':' || s.approved_version || ':' || s.published_at, ',' ORDER BY s.id)
                             FROM panel_statements s WHERE """ + PUBLISHED + """
                        ),
                          (SELECT string_agg(c.id::text || ':' || c.published_at, ',' ORDER BY c.id)
                             FROM panel_statement_corrections c WHERE c.published_at <= :now),
                          (SELECT string_agg(p.id::text || ':' || p.updated_at || ':' || p.active, ',' ORDER BY p.id) FROM panels p),
                          (SELECT string_agg(m.panel_id::text || ':' || m.account_id || ':' || m.role || ':' || md5(m.public_title)
                                  || ':' || coalesce(m.removed_at::text, ''), ',' ORDER BY m.panel_id, m.account_id)
                             FROM panel_members m),
                          (SELECT count(*) || ':' || coalesce(max(updated_at)::text, '') FROM elections))""")
                .param("now", timestamp(clock.instant())).query(String.class).single();
        return sha256(state);
    }

    private int count(Instant now) {
        return jdbc.sql("SELECT count(*) FROM panel_statements s WHERE " + PUBLISHED).param("now", timestamp(now))
                .query(Integer.class).single();
    }

    /** One query for the corrections of all the statements given. */
    private List<PublishedStatement> withCorrections(List<PublishedStatement> statements, Instant now) {
        if (statements.isEmpty()) {
            return List.of();
        }
        Map<UUID, List<PublishedStatement.Correction>> corrections = new LinkedHashMap<>();
        jdbc.sql("""
                        SELECT statement_id, id, published_at, text_fr, text_en
                          FROM panel_statement_corrections
                         WHERE statement_id IN (:ids) AND published_at <= :now
                         ORDER BY published_at, id""")
                .param("ids", statements.stream().map(PublishedStatement::id).toList()).param("now", timestamp(now))
                .query(rs -> {
                    corrections.computeIfAbsent(rs.getObject("statement_id", UUID.class), k -> new ArrayList<>())
                            .add(new PublishedStatement.Correction(rs.getObject("id", UUID.class),
                                    rs.getTimestamp("published_at").toInstant(), rs.getString("text_fr"), rs.getString("text_en")));
                });
        return statements.stream().map(s -> s.withCorrections(corrections.getOrDefault(s.id(), List.of()))).toList();
    }

    private static PublishedStatement statement(ResultSet rs, int row) throws SQLException {
        Map<Language, PublishedStatement.Text> texts = new EnumMap<>(Language.class);
        for (Language language : Language.values()) {
            String p = language.code() + "_";
            texts.put(language, new PublishedStatement.Text(text(rs, p + "title"), text(rs, p + "what_happened"),
                    text(rs, p + "who_is_affected"), text(rs, p + "what_to_do"), text(rs, p + "what_is_being_done"),
                    text(rs, p + "how_the_panel_decided")));
        }
        return new PublishedStatement(rs.getObject("id", UUID.class), rs.getString("slug"), rs.getTimestamp("published_at").toInstant(),
                texts, rs.getString("incident_type"), rs.getString("cycle_phase"), election(rs),
                new PublishedStatement.Panel(rs.getObject("panel_id", UUID.class), rs.getString("panel_name")), List.of());
    }

    private static String text(ResultSet rs, String column) throws SQLException {
        String value = rs.getString(column);
        return value == null ? "" : value;
    }

    private static PublishedStatement.Election election(ResultSet rs) throws SQLException {
        String name = rs.getString("election_name");
        if (name == null) {
            return null;
        }
        java.sql.Date day = rs.getDate("election_day");
        return new PublishedStatement.Election(name, day == null ? null : LocalDate.parse(day.toString()));
    }

    private static Timestamp timestamp(Instant instant) {
        return Timestamp.from(instant);
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    /** A page of the list. {@code total}: every published statement. */
    public record Page(List<PublishedStatement> statements, int page, int size, boolean more, int total) {
    }

    /** Published statements with one classification. Either key may be null (not classified). */
    public record Count(String incidentType, String cyclePhase, long count) {
    }

    /** A panel as the methodology page shows it. */
    public record PublicPanel(UUID id, String name, String mandateFr, String mandateEn, String decisionRule, Integer quorum,
                              PublishedStatement.Election election, List<Member> members) {

        public String mandate(Language language) {
            return language == Language.FR ? mandateFr : mandateEn;
        }

        public record Member(String role, String publicTitle) {
        }
    }
}

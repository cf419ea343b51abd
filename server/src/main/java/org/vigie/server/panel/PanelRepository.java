package org.vigie.server.panel;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.vigie.core.panel.DecisionRule;
import org.vigie.core.panel.Outcome;
import org.vigie.core.panel.Position;

/** The SQL of panels, members, interests, referrals, recusals, assessments and decisions (V19). */
@Repository
class PanelRepository {

    private static final String PANEL_COLUMNS = """
            p.id, p.name, p.election_id, p.mandate_fr, p.mandate_en, p.decision_rule, p.quorum, p.active, p.created_by,
            p.created_at, p.updated_at""";
    private static final String MEMBER_COLUMNS = """
            m.panel_id, m.account_id, a.username, a.display_name, a.organisation_id, o.name AS organisation_name, m.role,
            m.public_title, m.added_at, m.removed_at""";
    private static final String REFERRAL_COLUMNS = """
            r.id, r.panel_id, r.kind, r.title, r.cover_note, r.referred_by, a.username AS referred_by_name, r.referred_by_org,
            r.referred_at, r.status, r.closed_at""";
    private static final String ASSESSMENT_COLUMNS = """
            s.id, s.referral_id, s.account_id, a.username, s.criteria, s.response_options, s.position, s.rationale, s.recorded_at,
            s.supersedes""";
    private static final String DECISION_COLUMNS = """
            d.id, d.referral_id, d.outcome, d.tally, d.dissent, d.response_options, d.rationale, d.recorded_by, d.decided_at,
            d.corrects, d.correction_reason""";

    private final JdbcClient jdbc;
    private final ObjectMapper json;

    PanelRepository(JdbcClient jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    // ---- panels --------------------------------------------------------------------------------------

    void insertPanel(Panel p) {
        jdbc.sql("""
                INSERT INTO panels (id, name, election_id, mandate_fr, mandate_en, decision_rule, quorum, active, created_by, created_at, updated_at)
                VALUES (:id, :name, :election, :fr, :en, :rule, :quorum, :active, :by, :at, :at)""")
                .param("id", p.id()).param("name", p.name()).param("election", p.electionId()).param("fr", p.mandateFr())
                .param("en", p.mandateEn()).param("rule", p.rule().kind().name()).param("quorum", p.rule().quorum())
                .param("active", p.active()).param("by", p.createdBy()).param("at", Timestamp.from(p.createdAt())).update();
    }

    void updatePanel(Panel p) {
        jdbc.sql("""
                UPDATE panels SET name = :name, election_id = :election, mandate_fr = :fr, mandate_en = :en, decision_rule = :rule,
                    quorum = :quorum, active = :active, updated_at = :at WHERE id = :id""")
                .param("id", p.id()).param("name", p.name()).param("election", p.electionId()).param("fr", p.mandateFr())
                .param("en", p.mandateEn()).param("rule", p.rule().kind().name()).param("quorum", p.rule().quorum())
                .param("active", p.active()).param("at", Timestamp.from(p.updatedAt())).update();
    }

    Optional<Panel> panel(UUID id) {
        return jdbc.sql("SELECT " + PANEL_COLUMNS + " FROM panels p WHERE p.id = :id").param("id", id).query(this::panelRow).optional();
    }

    /** The panel locked for this transaction: membership changes and decisions on it queue here. */
    Optional<Panel> lockPanel(UUID id) {
        return jdbc.sql("SELECT " + PANEL_COLUMNS + " FROM panels p WHERE p.id = :id FOR UPDATE").param("id", id).query(this::panelRow).optional();
    }

    boolean panelNameTaken(String name, UUID except) {
        return jdbc.sql("SELECT count(*) FROM panels WHERE lower(name) = lower(:name) AND id <> :except")
                .param("name", name.strip()).param("except", except == null ? new UUID(0, 0) : except).query(Long.class).single() > 0;
    }

    List<Panel> panels() {
        return jdbc.sql("SELECT " + PANEL_COLUMNS + " FROM panels p ORDER BY p.active DESC, p.created_at DESC").query(this::panelRow).list();
    }

    List<Panel> panelsOf(UUID account) {
        return jdbc.sql("SELECT " + PANEL_COLUMNS + " FROM panels p JOIN panel_members m ON m.panel_id = p.id"
                        + " WHERE m.account_id = :a AND m.removed_at IS NULL ORDER BY p.active DESC, p.created_at DESC")
                .param("a", account).query(this::panelRow).list();
    }

    private Panel panelRow(ResultSet rs, int n) throws SQLException {
        String rule = rs.getString("decision_rule");
        int quorum = rs.getInt("quorum");
        DecisionRule r = "QUORUM".equals(rule) ? DecisionRule.quorum(quorum) : DecisionRule.consensus();
        return new Panel(rs.getObject("id", UUID.class), rs.getString("name"), rs.getObject("election_id", UUID.class),
                rs.getString("mandate_fr"), rs.getString("mandate_en"), r, rs.getBoolean("active"), rs.getObject("created_by", UUID.class),
                instant(rs, "created_at"), instant(rs, "updated_at"));
    }

    // ---- members -------------------------------------------------------------------------------------

    Optional<PanelMember> member(UUID panel, UUID account) {
        return jdbc.sql("SELECT " + MEMBER_COLUMNS + " FROM panel_members m JOIN accounts a ON a.id = m.account_id"
                        + " LEFT JOIN organisations o ON o.id = a.organisation_id WHERE m.panel_id = :p AND m.account_id = :a")
                .param("p", panel).param("a", account).query(this::memberRow).optional();
    }

    /** Every member who was ever on the panel (current first), for the record. */
    List<PanelMember> members(UUID panel) {
        return jdbc.sql("SELECT " + MEMBER_COLUMNS + " FROM panel_members m JOIN accounts a ON a.id = m.account_id"
                        + " LEFT JOIN organisations o ON o.id = a.organisation_id WHERE m.panel_id = :p"
                        + " ORDER BY m.removed_at IS NOT NULL, m.role, m.added_at, a.username")
                .param("p", panel).query(this::memberRow).list();
    }

    void insertMember(UUID panel, UUID account, PanelMember.Role role, String title, Instant at) {
        jdbc.sql("""
                INSERT INTO panel_members (panel_id, account_id, role, public_title, added_at) VALUES (:p, :a, :role, :title, :at)
                ON CONFLICT (panel_id, account_id) DO UPDATE SET role = excluded.role, public_title = excluded.public_title,
                    added_at = excluded.added_at, removed_at = NULL""")
                .param("p", panel).param("a", account).param("role", role.name()).param("title", title).param("at", Timestamp.from(at)).update();
    }

    void updateMember(UUID panel, UUID account, PanelMember.Role role, String title) {
        jdbc.sql("UPDATE panel_members SET role = :role, public_title = :title WHERE panel_id = :p AND account_id = :a")
                .param("p", panel).param("a", account).param("role", role.name()).param("title", title).update();
    }

    void removeMember(UUID panel, UUID account, Instant at) {
        jdbc.sql("UPDATE panel_members SET removed_at = :at WHERE panel_id = :p AND account_id = :a AND removed_at IS NULL")
                .param("p", panel).param("a", account).param("at", Timestamp.from(at)).update();
    }

    private PanelMember memberRow(ResultSet rs, int n) throws SQLException {
        return new PanelMember(rs.getObject("panel_id", UUID.class), rs.getObject("account_id", UUID.class), rs.getString("username"),
                rs.getString("display_name"), rs.getObject("organisation_id", UUID.class), rs.getString("organisation_name"),
                PanelMember.Role.valueOf(rs.getString("role")), rs.getString("public_title"), instant(rs, "added_at"), instant(rs, "removed_at"));
    }

    // ---- interests -----------------------------------------------------------------------------------

    void insertInterest(Interest i) {
        jdbc.sql("""
                INSERT INTO panel_interests (id, panel_id, account_id, organisation_id, nature, declared_at)
                VALUES (:id, :p, :a, :o, :nature, :at)""")
                .param("id", i.id()).param("p", i.panelId()).param("a", i.accountId()).param("o", i.organisationId())
                .param("nature", i.nature()).param("at", Timestamp.from(i.declaredAt())).update();
    }

    Optional<Interest> interest(UUID id) {
        return jdbc.sql("""
                SELECT i.*, o.name AS organisation_name FROM panel_interests i JOIN organisations o ON o.id = i.organisation_id
                WHERE i.id = :id""").param("id", id).query(this::interestRow).optional();
    }

    List<Interest> interests(UUID panel) {
        return jdbc.sql("""
                SELECT i.*, o.name AS organisation_name FROM panel_interests i JOIN organisations o ON o.id = i.organisation_id
                WHERE i.panel_id = :p ORDER BY i.withdrawn_at IS NOT NULL, i.declared_at""").param("p", panel).query(this::interestRow).list();
    }

    void withdrawInterest(UUID id, Instant at) {
        jdbc.sql("UPDATE panel_interests SET withdrawn_at = :at WHERE id = :id AND withdrawn_at IS NULL")
                .param("id", id).param("at", Timestamp.from(at)).update();
    }

    private Interest interestRow(ResultSet rs, int n) throws SQLException {
        return new Interest(rs.getObject("id", UUID.class), rs.getObject("panel_id", UUID.class), rs.getObject("account_id", UUID.class),
                rs.getObject("organisation_id", UUID.class), rs.getString("organisation_name"), rs.getString("nature"),
                instant(rs, "declared_at"), instant(rs, "withdrawn_at"));
    }

    // ---- referrals -----------------------------------------------------------------------------------

    void insertReferral(UUID id, UUID panel, Referral.Kind kind, String title, String coverNote, UUID by, UUID byOrg, Instant at,
                        List<Referral.SubjectRef> subjects) {
        jdbc.sql("""
                INSERT INTO panel_referrals (id, panel_id, kind, title, cover_note, referred_by, referred_by_org, referred_at, status)
                VALUES (:id, :p, :kind, :title, :note, :by, :org, :at, 'OPEN')""")
                .param("id", id).param("p", panel).param("kind", kind.name()).param("title", title).param("note", coverNote)
                .param("by", by).param("org", byOrg).param("at", Timestamp.from(at)).update();
        for (Referral.SubjectRef s : subjects) {
            jdbc.sql("INSERT INTO panel_referral_subjects (referral_id, subject_id, subject_type) VALUES (:r, :s, :t)")
                    .param("r", id).param("s", s.id()).param("t", s.type()).update();
        }
    }

    Optional<Referral> referral(UUID id) {
        return referralWhere("r.id = :id", Map.of("id", id), false).stream().findFirst();
    }

    /** The referral locked for this transaction: assessments, recusals and decisions on it queue here. */
    Optional<Referral> lockReferral(UUID id) {
        return referralWhere("r.id = :id", Map.of("id", id), true).stream().findFirst();
    }

    /** Open referrals of a panel, oldest first: the queue. */
    List<Referral> queue(UUID panel) {
        return referralWhere("r.panel_id = :p AND r.status = 'OPEN'", Map.of("p", panel), false);
    }

    /** Every referral of a panel, newest first. */
    List<Referral> referrals(UUID panel) {
        List<Referral> all = new ArrayList<>(referralWhere("r.panel_id = :p", Map.of("p", panel), false));
        java.util.Collections.reverse(all);
        return all;
    }

    List<Referral> referralsBy(UUID account) {
        List<Referral> all = new ArrayList<>(referralWhere("r.referred_by = :a", Map.of("a", account), false));
        java.util.Collections.reverse(all);
        return all;
    }

    /** Referrals of which this report or campaign is a subject. */
    List<Referral> referralsAbout(String subject) {
        List<Referral> all = new ArrayList<>(referralWhere(
                "r.id IN (SELECT referral_id FROM panel_referral_subjects WHERE subject_id = :s)", Map.of("s", subject), false));
        java.util.Collections.reverse(all);
        return all;
    }

    void closeReferral(UUID id, Referral.Status status, Instant at) {
        jdbc.sql("UPDATE panel_referrals SET status = :status, closed_at = :at WHERE id = :id")
                .param("id", id).param("status", status.name()).param("at", Timestamp.from(at)).update();
    }

    private List<Referral> referralWhere(String where, Map<String, ?> params, boolean lock) {
        List<Object[]> rows = jdbc.sql("SELECT " + REFERRAL_COLUMNS + " FROM panel_referrals r JOIN accounts a ON a.id = r.referred_by WHERE "
                        + where + " ORDER BY r.referred_at, r.id" + (lock ? " FOR UPDATE OF r" : ""))
                .params(params).query((rs, n) -> new Object[] {rs.getObject("id", UUID.class), rs.getObject("panel_id", UUID.class),
                        Referral.Kind.valueOf(rs.getString("kind")), rs.getString("title"), rs.getString("cover_note"),
                        rs.getObject("referred_by", UUID.class), rs.getString("referred_by_name"), rs.getObject("referred_by_org", UUID.class),
                        instant(rs, "referred_at"), Referral.Status.valueOf(rs.getString("status")), instant(rs, "closed_at")}).list();
        if (rows.isEmpty()) {
            return List.of();
        }
        List<UUID> ids = rows.stream().map(r -> (UUID) r[0]).toList();
        Map<UUID, List<Referral.SubjectRef>> subjects = new LinkedHashMap<>();
        jdbc.sql("SELECT referral_id, subject_id, subject_type FROM panel_referral_subjects WHERE referral_id IN (:ids) ORDER BY subject_id")
                .param("ids", ids).query(rs -> {
                    subjects.computeIfAbsent(rs.getObject(1, UUID.class), k -> new ArrayList<>())
                            .add(new Referral.SubjectRef(rs.getString(2), rs.getString(3)));
                });
        Map<UUID, List<Recusal>> recusals = new LinkedHashMap<>();
        for (Recusal r : recusals(ids)) {
            recusals.computeIfAbsent(r.referralId(), k -> new ArrayList<>()).add(r);
        }
        return rows.stream().map(r -> new Referral((UUID) r[0], (UUID) r[1], (Referral.Kind) r[2], (String) r[3], (String) r[4],
                (UUID) r[5], (String) r[6], (UUID) r[7], (Instant) r[8], (Referral.Status) r[9], (Instant) r[10],
                subjects.getOrDefault((UUID) r[0], List.of()), recusals.getOrDefault((UUID) r[0], List.of()))).toList();
    }

    /**
     * The organisations a referral's subjects involve, with how: the owner of each report or campaign,
     * the target organisations of each report, and for a campaign the owners and targets of its
     * reports. Read without the visibility policy on purpose: it decides recusals, and a member must
     * be recused even from what they could not read.
     */
    Map<UUID, String> involvedOrganisations(Collection<String> subjects) {
        Map<UUID, String> involved = new LinkedHashMap<>();
        if (subjects.isEmpty()) {
            return involved;
        }
        jdbc.sql("""
                SELECT owner_organisation, 'owner' FROM reports WHERE stix_id IN (:s)
                UNION ALL SELECT owner_organisation, 'owner' FROM campaigns WHERE stix_id IN (:s)
                UNION ALL SELECT r.owner_organisation, 'owner' FROM campaign_reports cr JOIN reports r ON r.stix_id = cr.report_id
                    WHERE cr.campaign_id IN (:s)
                UNION ALL SELECT unnest(target_organisations), 'target' FROM reports WHERE stix_id IN (:s)
                UNION ALL SELECT unnest(r.target_organisations), 'target' FROM campaign_reports cr JOIN reports r ON r.stix_id = cr.report_id
                    WHERE cr.campaign_id IN (:s)""")
                .param("s", subjects).query(rs -> {
                    UUID org = rs.getObject(1, UUID.class);
                    // a target is the stronger tie: it wins over owner in the reason shown
                    if (org != null && !"target".equals(involved.get(org))) {
                        involved.put(org, rs.getString(2));
                    }
                });
        return involved;
    }

    /** The target organisations of the subjects (reports', and campaigns' reports'). */
    Set<UUID> targets(UUID referral) {
        return new LinkedHashSet<>(jdbc.sql("""
                SELECT DISTINCT t FROM (
                    SELECT unnest(r.target_organisations) AS t FROM panel_referral_subjects s JOIN reports r ON r.stix_id = s.subject_id
                        WHERE s.referral_id = :id
                    UNION ALL SELECT unnest(r.target_organisations) FROM panel_referral_subjects s
                        JOIN campaign_reports cr ON cr.campaign_id = s.subject_id JOIN reports r ON r.stix_id = cr.report_id
                        WHERE s.referral_id = :id) x ORDER BY t""").param("id", referral).query(UUID.class).list());
    }

    /** "report" or "campaign" for a stored subject, empty if there is no such report or campaign at all. */
    Optional<String> subjectType(String id) {
        return jdbc.sql("SELECT 'report' FROM reports WHERE stix_id = :id UNION ALL SELECT 'campaign' FROM campaigns WHERE stix_id = :id")
                .param("id", id).query(String.class).optional();
    }

    Map<UUID, String> organisationNames(Collection<UUID> ids) {
        Map<UUID, String> names = new LinkedHashMap<>();
        if (!ids.isEmpty()) {
            jdbc.sql("SELECT id, name FROM organisations WHERE id IN (:ids)").param("ids", ids)
                    .query(rs -> {
                        names.put(rs.getObject(1, UUID.class), rs.getString(2));
                    });
        }
        return names;
    }

    Map<UUID, String> usernames(Collection<UUID> ids) {
        Map<UUID, String> names = new LinkedHashMap<>();
        if (!ids.isEmpty()) {
            jdbc.sql("SELECT id, username FROM accounts WHERE id IN (:ids)").param("ids", ids)
                    .query(rs -> {
                        names.put(rs.getObject(1, UUID.class), rs.getString(2));
                    });
        }
        return names;
    }

    // ---- recusals ------------------------------------------------------------------------------------

    /** Records a recusal unless the member already has one on this referral; answers whether it was new. */
    boolean insertRecusal(UUID referral, UUID account, UUID organisation, String reason, Instant at) {
        return jdbc.sql("""
                INSERT INTO panel_recusals (referral_id, account_id, organisation_id, reason, recorded_at) VALUES (:r, :a, :o, :reason, :at)
                ON CONFLICT (referral_id, account_id) DO NOTHING""")
                .param("r", referral).param("a", account).param("o", organisation).param("reason", reason)
                .param("at", Timestamp.from(at)).update() == 1;
    }

    List<Recusal> recusals(Collection<UUID> referrals) {
        return jdbc.sql("""
                SELECT c.referral_id, c.account_id, a.username, c.organisation_id, c.reason, c.recorded_at
                FROM panel_recusals c JOIN accounts a ON a.id = c.account_id WHERE c.referral_id IN (:ids) ORDER BY c.recorded_at, a.username""")
                .param("ids", referrals).query((rs, n) -> new Recusal(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3),
                        rs.getObject(4, UUID.class), rs.getString(5), instant(rs, "recorded_at"))).list();
    }

    // ---- assessments ---------------------------------------------------------------------------------

    void insertAssessment(Assessment a) {
        jdbc.sql("""
                INSERT INTO panel_assessments (id, referral_id, account_id, criteria, response_options, position, rationale, recorded_at, supersedes)
                VALUES (:id, :r, :a, CAST(:criteria AS jsonb), CAST(:options AS jsonb), :position, :rationale, :at, :supersedes)""")
                .param("id", a.id()).param("r", a.referralId()).param("a", a.accountId()).param("criteria", write(a.criteria()))
                .param("options", write(a.responseOptions())).param("position", a.position().name()).param("rationale", a.rationale())
                .param("at", Timestamp.from(a.recordedAt())).param("supersedes", a.supersedes()).update();
    }

    /** Each member's latest assessment of a referral. */
    List<Assessment> latestAssessments(UUID referral) {
        return jdbc.sql("SELECT DISTINCT ON (s.account_id) " + ASSESSMENT_COLUMNS + " FROM panel_assessments s JOIN accounts a ON a.id = s.account_id"
                        + " WHERE s.referral_id = :r ORDER BY s.account_id, s.recorded_at DESC, s.id")
                .param("r", referral).query(this::assessmentRow).list();
    }

    /** Every revision of every member's assessment, oldest first. */
    List<Assessment> assessments(UUID referral) {
        return jdbc.sql("SELECT " + ASSESSMENT_COLUMNS + " FROM panel_assessments s JOIN accounts a ON a.id = s.account_id"
                        + " WHERE s.referral_id = :r ORDER BY s.recorded_at, s.id")
                .param("r", referral).query(this::assessmentRow).list();
    }

    Map<UUID, Integer> assessmentCounts(Collection<UUID> referrals) {
        Map<UUID, Integer> counts = new LinkedHashMap<>();
        if (!referrals.isEmpty()) {
            jdbc.sql("SELECT referral_id, count(DISTINCT account_id) FROM panel_assessments WHERE referral_id IN (:ids) GROUP BY referral_id")
                    .param("ids", referrals).query(rs -> {
                        counts.put(rs.getObject(1, UUID.class), rs.getInt(2));
                    });
        }
        return counts;
    }

    /** Which of these referrals the account has assessed. */
    Set<UUID> assessedBy(Collection<UUID> referrals, UUID account) {
        if (referrals.isEmpty()) {
            return Set.of();
        }
        return new LinkedHashSet<>(jdbc.sql("SELECT DISTINCT referral_id FROM panel_assessments WHERE referral_id IN (:ids) AND account_id = :a")
                .param("ids", referrals).param("a", account).query(UUID.class).list());
    }

    private Assessment assessmentRow(ResultSet rs, int n) throws SQLException {
        return new Assessment(rs.getObject("id", UUID.class), rs.getObject("referral_id", UUID.class), rs.getObject("account_id", UUID.class),
                rs.getString("username"), read(rs.getString("criteria"), new TypeReference<List<Assessment.CriterionAnswer>>() { }),
                read(rs.getString("response_options"), new TypeReference<List<Assessment.ResponseChoice>>() { }),
                Position.valueOf(rs.getString("position")), rs.getString("rationale"), instant(rs, "recorded_at"),
                rs.getObject("supersedes", UUID.class));
    }

    // ---- decisions -----------------------------------------------------------------------------------

    void insertDecision(Decision d) {
        ObjectNode tally = json.createObjectNode();
        tally.put("rule", d.rule().kind().name());
        if (d.rule().quorum() == null) {
            tally.putNull("quorum");
        } else {
            tally.put("quorum", d.rule().quorum());
        }
        ArrayNode eligible = tally.putArray("eligible");
        d.eligible().forEach(id -> eligible.add(id.toString()));
        ArrayNode recused = tally.putArray("recused");
        d.recused().forEach(id -> recused.add(id.toString()));
        ObjectNode positions = tally.putObject("positions");
        new java.util.TreeMap<>(d.positions()).forEach((k, v) -> positions.put(k.toString(), v.name()));
        jdbc.sql("""
                INSERT INTO panel_decisions (id, referral_id, outcome, tally, dissent, response_options, rationale, recorded_by, decided_at,
                    corrects, correction_reason)
                VALUES (:id, :r, :outcome, CAST(:tally AS jsonb), CAST(:dissent AS jsonb), CAST(:options AS jsonb), :rationale, :by, :at,
                    :corrects, :reason)""")
                .param("id", d.id()).param("r", d.referralId()).param("outcome", d.outcome().name()).param("tally", tally.toString())
                .param("dissent", write(d.dissent())).param("options", write(d.responseOptions())).param("rationale", d.rationale())
                .param("by", d.recordedBy()).param("at", Timestamp.from(d.decidedAt())).param("corrects", d.corrects())
                .param("reason", d.correctionReason()).update();
    }

    /** Every decision on a referral, the original first and each correction after. */
    List<Decision> decisions(UUID referral) {
        return jdbc.sql("SELECT " + DECISION_COLUMNS + " FROM panel_decisions d WHERE d.referral_id = :r ORDER BY d.decided_at, d.id")
                .param("r", referral).query(this::decisionRow).list();
    }

    /** The decision that stands: the one no other corrects. */
    Optional<Decision> latestDecision(UUID referral) {
        return jdbc.sql("SELECT " + DECISION_COLUMNS + " FROM panel_decisions d WHERE d.referral_id = :r"
                        + " AND NOT EXISTS (SELECT 1 FROM panel_decisions c WHERE c.corrects = d.id)")
                .param("r", referral).query(this::decisionRow).optional();
    }

    Optional<Decision> decision(UUID id) {
        return jdbc.sql("SELECT " + DECISION_COLUMNS + " FROM panel_decisions d WHERE d.id = :id").param("id", id).query(this::decisionRow).optional();
    }

    private Decision decisionRow(ResultSet rs, int n) throws SQLException {
        JsonNode tally = tree(rs.getString("tally"));
        DecisionRule rule = "QUORUM".equals(tally.path("rule").asText()) ? DecisionRule.quorum(tally.path("quorum").asInt())
                : DecisionRule.consensus();
        List<UUID> eligible = new ArrayList<>();
        tally.path("eligible").forEach(e -> eligible.add(UUID.fromString(e.asText())));
        List<UUID> recused = new ArrayList<>();
        tally.path("recused").forEach(e -> recused.add(UUID.fromString(e.asText())));
        Map<UUID, Position> positions = new LinkedHashMap<>();
        tally.path("positions").fields().forEachRemaining(e -> positions.put(UUID.fromString(e.getKey()), Position.valueOf(e.getValue().asText())));
        return new Decision(rs.getObject("id", UUID.class), rs.getObject("referral_id", UUID.class), Outcome.valueOf(rs.getString("outcome")),
                rule, eligible, recused, positions, read(rs.getString("dissent"), new TypeReference<List<Decision.Dissent>>() { }),
                read(rs.getString("response_options"), new TypeReference<List<Assessment.ResponseChoice>>() { }), rs.getString("rationale"),
                rs.getObject("recorded_by", UUID.class), instant(rs, "decided_at"), rs.getObject("corrects", UUID.class),
                rs.getString("correction_reason"));
    }

    // ---- helpers -------------------------------------------------------------------------------------

    /** Now, to the microsecond PostgreSQL keeps: what a service returns equals what it stored and reads back. */
    static Instant now(java.time.Clock clock) {
        return clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MICROS);
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private <T> T read(String text, TypeReference<T> type) {
        try {
            return json.readValue(text, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable panel record: " + e.getOriginalMessage(), e);
        }
    }

    private JsonNode tree(String text) {
        try {
            return json.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}

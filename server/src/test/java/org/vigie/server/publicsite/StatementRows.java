package org.vigie.server.publicsite;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Panels, referrals, decisions and statements written straight into the V19 tables, for tests of the
 * public site: it only reads these tables, so it can be tested before (and independently of) the
 * services that write them. Every non-public column can be given a text (the leak test puts canaries
 * there); the public ones come from {@link Texts}.
 */
public final class StatementRows {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;
    private final Clock clock;

    public StatementRows(JdbcClient jdbc, PlatformTransactionManager transactions, Clock clock) {
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    /** The template's sections of one language. */
    public record Texts(String title, String whatHappened, String whoIsAffected, String whatToDo, String whatIsBeingDone,
                 String howThePanelDecided) {

        /** Every section named after a prefix: "prefix title", "prefix what happened", … */
        public static Texts of(String prefix) {
            return new Texts(prefix + " title", prefix + " what happened.", prefix + " who is affected.", prefix + " what to do.",
                    prefix + " what is being done.", prefix + " how the panel decided.");
        }

        Map<String, String> json() {
            Map<String, String> map = new LinkedHashMap<>();
            map.put("title", title);
            map.put("what_happened", whatHappened);
            map.put("who_is_affected", whoIsAffected);
            map.put("what_to_do", whatToDo);
            map.put("what_is_being_done", whatIsBeingDone);
            map.put("how_the_panel_decided", howThePanelDecided);
            return map;
        }
    }

    public UUID accountId(String username) {
        return jdbc.sql("SELECT id FROM accounts WHERE username = :u").param("u", username).query(UUID.class).single();
    }

    /** A panel whose members are these accounts with these public titles (the first one chairs). */
    public UUID panel(String name, UUID election, String mandateFr, String mandateEn, Map<UUID, String> membersAndTitles) {
        UUID id = UUID.randomUUID();
        Timestamp now = Timestamp.from(clock.instant());
        UUID creator = accountId("admin");
        transaction.executeWithoutResult(status -> {
            jdbc.sql("""
                    INSERT INTO panels (id, name, election_id, mandate_fr, mandate_en, created_by, created_at, updated_at)
                    VALUES (:id, :name, :election, :fr, :en, :by, :now, :now)""")
                    .param("id", id).param("name", name).param("election", election).param("fr", mandateFr).param("en", mandateEn)
                    .param("by", creator).param("now", now).update();
            boolean first = true;
            for (Map.Entry<UUID, String> member : membersAndTitles.entrySet()) {
                jdbc.sql("""
                        INSERT INTO panel_members (panel_id, account_id, role, public_title, added_at)
                        VALUES (:panel, :account, :role, :title, :now)""")
                        .param("panel", id).param("account", member.getKey()).param("role", first ? "CHAIR" : "MEMBER")
                        .param("title", member.getValue()).param("now", now).update();
                first = false;
            }
        });
        return id;
    }

    void declareInterest(UUID panel, UUID account, UUID organisation, String nature) {
        jdbc.sql("""
                INSERT INTO panel_interests (id, panel_id, account_id, organisation_id, nature, declared_at)
                VALUES (:id, :panel, :account, :org, :nature, :now)""")
                .param("id", UUID.randomUUID()).param("panel", panel).param("account", account).param("org", organisation)
                .param("nature", nature).param("now", Timestamp.from(clock.instant())).update();
    }

    /** What a statement is made of, public and not; defaults are harmless texts. */
    public static final class Statement {
        UUID panel;
        String slug;
        Texts fr;
        Texts en;
        String incidentType;
        String cyclePhase;
        UUID election;
        String status = "PUBLISHED";
        Duration publishedAgo = Duration.ofHours(1);
        String referralTitle = "Referral";
        String coverNote = "";
        List<String> reportIds = List.of();
        String decisionRationale = "The panel agreed.";
        String dissentRationale;
        UUID assessor;
        String assessmentRationale;
        String assessmentJustification = "justified";
        /** A later version, drafted and never approved. */
        Texts draftFr;
        Texts draftEn;
        List<String[]> corrections = new ArrayList<>();
        /** A referral and decision made elsewhere (through the panel services): only the statement is written. */
        UUID existingReferral;
        UUID existingDecision;
        /** Keys in the versions' JSON that are not template sections (never to be read by the public site). */
        String strayField;

        public Statement(UUID panel, String slug, Texts fr, Texts en) {
            this.panel = panel;
            this.slug = slug;
            this.fr = fr;
            this.en = en;
        }

        public Statement classified(String incidentType, String cyclePhase, UUID election) {
            this.incidentType = incidentType;
            this.cyclePhase = cyclePhase;
            this.election = election;
            return this;
        }

        public Statement status(String status) {
            this.status = status;
            return this;
        }

        public Statement publishedAgo(Duration ago) {
            this.publishedAgo = ago;
            return this;
        }

        public Statement referral(String title, String coverNote, List<String> reportIds) {
            this.referralTitle = title;
            this.coverNote = coverNote;
            this.reportIds = reportIds;
            return this;
        }

        public Statement decision(String rationale, String dissentRationale) {
            this.decisionRationale = rationale;
            this.dissentRationale = dissentRationale;
            return this;
        }

        public Statement assessment(UUID assessor, String rationale, String justification) {
            this.assessor = assessor;
            this.assessmentRationale = rationale;
            this.assessmentJustification = justification;
            return this;
        }

        public Statement forDecision(UUID referral, UUID decision) {
            this.existingReferral = referral;
            this.existingDecision = decision;
            return this;
        }

        public Statement strayField(String text) {
            this.strayField = text;
            return this;
        }

        public Statement laterDraft(Texts fr, Texts en) {
            this.draftFr = fr;
            this.draftEn = en;
            return this;
        }

        /** A correction published this long ago, in French and English. */
        public Statement correction(Duration ago, String fr, String en) {
            corrections.add(new String[] {Long.toString(ago.toSeconds()), fr, en});
            return this;
        }
    }

    /** Writes the referral, the decision (with an assessment if asked), the statement, its versions and corrections. */
    public UUID write(Statement s) {
        boolean existing = s.existingDecision != null;
        UUID referral = existing ? s.existingReferral : UUID.randomUUID();
        UUID decision = existing ? s.existingDecision : UUID.randomUUID();
        UUID statement = UUID.randomUUID();
        UUID admin = accountId("admin");
        Instant now = clock.instant();
        Instant published = now.minus(s.publishedAgo);
        transaction.executeWithoutResult(status -> {
            if (!existing) {
                referralAndDecision(s, referral, decision, admin, published);
            }
            statementRows(s, statement, referral, decision, admin, now, published);
        });
        return statement;
    }

    private void referralAndDecision(Statement s, UUID referral, UUID decision, UUID admin, Instant published) {
        {
            jdbc.sql("""
                    INSERT INTO panel_referrals (id, panel_id, kind, title, cover_note, referred_by, referred_at, status, closed_at)
                    VALUES (:id, :panel, :kind, :title, :note, :by, :at, 'DECIDED', :at)""")
                    .param("id", referral).param("panel", s.panel).param("kind", s.reportIds.size() > 1 ? "ACCUMULATION" : "REPORT")
                    .param("title", s.referralTitle).param("note", s.coverNote).param("by", admin)
                    .param("at", Timestamp.from(published.minus(Duration.ofDays(2)))).update();
            for (String report : s.reportIds) {
                jdbc.sql("INSERT INTO panel_referral_subjects (referral_id, subject_id, subject_type) VALUES (:r, :s, 'report')")
                        .param("r", referral).param("s", report).update();
            }
            if (s.assessor != null) {
                jdbc.sql("""
                        INSERT INTO panel_assessments (id, referral_id, account_id, criteria, response_options, position, rationale, recorded_at)
                        VALUES (:id, :referral, :account, CAST(:criteria AS jsonb), CAST(:options AS jsonb), 'ANNOUNCE', :rationale, :at)""")
                        .param("id", UUID.randomUUID()).param("referral", referral).param("account", s.assessor)
                        .param("criteria", json(List.of(Map.of("criterion", "UNDERMINES_FREE_FAIR_ELECTION", "rating", "HIGH",
                                "justification", s.assessmentJustification))))
                        .param("options", json(List.of(Map.of("option", "PRIVATE_NOTICE_TO_TARGETS", "note", s.assessmentJustification))))
                        .param("rationale", s.assessmentRationale).param("at", Timestamp.from(published.minus(Duration.ofDays(1)))).update();
            }
            List<Map<String, String>> dissent = s.dissentRationale == null ? List.of()
                    : List.of(Map.of("account", admin.toString(), "position", "DO_NOT_ANNOUNCE", "rationale", s.dissentRationale));
            jdbc.sql("""
                    INSERT INTO panel_decisions (id, referral_id, outcome, tally, dissent, rationale, recorded_by, decided_at)
                    VALUES (:id, :referral, 'PUBLIC_ANNOUNCEMENT', CAST(:tally AS jsonb), CAST(:dissent AS jsonb), :rationale, :by, :at)""")
                    .param("id", decision).param("referral", referral).param("tally", json(Map.of("rule", "CONSENSUS")))
                    .param("dissent", json(dissent)).param("rationale", s.decisionRationale).param("by", admin)
                    .param("at", Timestamp.from(published.minus(Duration.ofHours(20)))).update();
        }
    }

    private void statementRows(Statement s, UUID statement, UUID referral, UUID decision, UUID admin, Instant now, Instant published) {
        {
            boolean published_ = "PUBLISHED".equals(s.status);
            boolean approved = !"DRAFT".equals(s.status);
            int current = s.draftFr == null ? 1 : 2;
            jdbc.sql("""
                    INSERT INTO panel_statements (id, decision_id, referral_id, slug, status, current_version, approved_version,
                                                  scheduled_for, notices_sent_at, published_at, created_by, created_at, updated_at)
                    VALUES (:id, :decision, :referral, :slug, :status, :current, :approved, :scheduled, :notices, :published, :by,
                            :created, :updated)""")
                    .param("id", statement).param("decision", decision).param("referral", referral).param("slug", s.slug)
                    .param("status", s.status).param("current", current).param("approved", approved ? 1 : null)
                    .param("scheduled", Timestamp.from(published))
                    .param("notices", published_ || "NOTICES_SENT".equals(s.status) ? Timestamp.from(published.minus(Duration.ofHours(2))) : null)
                    .param("published", published_ ? Timestamp.from(published) : null).param("by", admin)
                    .param("created", Timestamp.from(published.minus(Duration.ofHours(10)))).param("updated", Timestamp.from(now))
                    .update();
            version(statement, 1, s.fr, s.en, s, admin, published.minus(Duration.ofHours(9)));
            if (s.draftFr != null) {
                version(statement, 2, s.draftFr, s.draftEn, s, admin, published.plus(Duration.ofMinutes(10)));
            }
            for (String[] correction : s.corrections) {
                jdbc.sql("""
                        INSERT INTO panel_statement_corrections (id, statement_id, text_fr, text_en, created_by, published_at)
                        VALUES (:id, :statement, :fr, :en, :by, :at)""")
                        .param("id", UUID.randomUUID()).param("statement", statement).param("fr", correction[1]).param("en", correction[2])
                        .param("by", admin).param("at", Timestamp.from(now.minusSeconds(Long.parseLong(correction[0])))).update();
            }
        }
    }

    private void version(UUID statement, int version, Texts fr, Texts en, Statement s, UUID by, Instant at) {
        Map<String, Object> fields = new LinkedHashMap<>();
        Map<String, String> french = new LinkedHashMap<>(fr.json());
        Map<String, String> english = new LinkedHashMap<>(en.json());
        if (s.strayField != null) {
            french.put("reviewer_note", s.strayField);
            english.put("reviewer_note", s.strayField);
            fields.put("internal_note", s.strayField);
        }
        fields.put("fr", french);
        fields.put("en", english);
        jdbc.sql("""
                INSERT INTO panel_statement_versions (statement_id, version, fields, incident_type, cycle_phase, election_id, edited_by, edited_at)
                VALUES (:statement, :version, CAST(:fields AS jsonb), :type, :phase, :election, :by, :at)""")
                .param("statement", statement).param("version", version).param("fields", json(fields))
                .param("type", s.incidentType).param("phase", s.cyclePhase).param("election", s.election).param("by", by)
                .param("at", Timestamp.from(at)).update();
    }

    /** Withdraws a published statement (as the statements module would). */
    void withdraw(UUID statement) {
        jdbc.sql("UPDATE panel_statements SET status = 'WITHDRAWN', updated_at = :now WHERE id = :id")
                .param("now", Timestamp.from(clock.instant())).param("id", statement).update();
    }

    private static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}

package org.vigie.server.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.vigie.server.VigieApplicationAccess;
import org.vigie.server.support.Api;
import org.vigie.server.support.StandaloneVigie;

/**
 * Someone with database access edits or deletes audit rows with SQL (bypassing the append-only
 * trigger as a database superuser could): the chain check names the entry, on the API and from
 * the command line beside the running server.
 */
class AuditChainTamperTest {

    @TempDir
    Path data;

    StandaloneVigie vigie;
    JdbcClient jdbc;
    Api admin;

    @BeforeEach
    void start() {
        vigie = StandaloneVigie.start(data);
        jdbc = vigie.bean(JdbcClient.class);
        admin = vigie.fixtures().admin();
        for (int i = 0; i < 3; i++) {
            admin.post("/api/v1/organisations", Map.of("name", "Tamper " + i, "sector", "MEDIA", "country", "FR"));
        }
    }

    @AfterEach
    void stop() {
        vigie.close();
    }

    private long sequenceOf(String organisationName) {
        return jdbc.sql("SELECT sequence FROM audit_log WHERE action = 'organisation.created' AND details LIKE :n")
                .param("n", "%" + organisationName + "%").query(Long.class).single();
    }

    /** As a superuser could: replica mode skips the append-only trigger. */
    private void tamper(String sql, long sequence) {
        jdbc.sql("SET session_replication_role = replica; " + sql + "; SET session_replication_role = origin")
                .param("s", sequence).update();
    }

    private String commandLineVerify(int expectedStatus) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int status = VigieApplicationAccess.runCommandLine(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8), "audit", "verify", "--data", data.toString());
        assertThat(status).as(out.toString(StandardCharsets.UTF_8)).isEqualTo(expectedStatus);
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void anUntouchedLogVerifiesOnTheApiAndFromTheCommandLine() {
        assertThat(admin.get("/api/v1/audit/verification").json().get("intact").asBoolean()).isTrue();
        assertThat(commandLineVerify(0)).contains("Audit chain intact");
    }

    @Test
    void anEditedRowIsNamed() {
        long edited = sequenceOf("Tamper 1");

        tamper("UPDATE audit_log SET actor_name = 'someone-else' WHERE sequence = :s", edited);

        Api.Response verification = admin.get("/api/v1/audit/verification");
        assertThat(verification.json().get("intact").asBoolean()).isFalse();
        assertThat(verification.json().get("brokenAtSequence").asLong()).isEqualTo(edited);
        assertThat(commandLineVerify(1)).contains("BROKEN at entry #" + edited).contains("altered");
    }

    @Test
    void aDeletedRowIsNamed() {
        long deleted = sequenceOf("Tamper 0");

        tamper("DELETE FROM audit_log WHERE sequence = :s", deleted);

        assertThat(commandLineVerify(1)).contains("#" + deleted).contains("missing");
    }

    @Test
    void theAppendOnlyTriggerRefusesOrdinaryChanges() {
        long sequence = sequenceOf("Tamper 2");

        org.assertj.core.api.Assertions.assertThatThrownBy(() ->
                        jdbc.sql("UPDATE audit_log SET actor_name = 'x' WHERE sequence = :s").param("s", sequence).update())
                .hasMessageContaining("append-only");
    }
}

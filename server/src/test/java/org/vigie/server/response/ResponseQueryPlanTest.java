package org.vigie.server.response;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import org.vigie.server.support.VigieTest;

/**
 * The metrics and escalation queries can use their indexes (EXPLAIN with sequential scans
 * discouraged, since the test database is too small for the planner to prefer an index by itself).
 */
@VigieTest
class ResponseQueryPlanTest {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate transactions;

    private String explain(String sql) {
        return transactions.execute(tx -> {
            jdbc.sql("SET LOCAL enable_seqscan = off").update();
            return String.join("\n", jdbc.sql("EXPLAIN " + sql).query(String.class).list());
        });
    }

    @Test
    void theMetricsQueryReadsAlertsNotificationsAndEntriesThroughTheirIndexes() {
        String boards = "'{" + UUID.randomUUID() + "," + UUID.randomUUID() + "}'";
        String plan = explain(ResponseRepository.REACHES_SQL.replace(":boards", boards)
                .replace(":actions", "'" + ProtocolRepository.literal(ResponseRepository.ACTIONS) + "'"));
        assertThat(plan).contains("response_alerts_pkey", "notifications_pkey", "response_entries_first_action");
    }

    @Test
    void theEscalationScanUsesItsPartialIndex() {
        String plan = explain("SELECT id FROM response_boards WHERE status = 'OPEN' AND escalation_due_at IS NOT NULL"
                + " AND escalation_due_at <= now() ORDER BY escalation_due_at LIMIT 100");
        assertThat(plan).contains("response_boards_escalation_due");
        assertThat(List.of(plan.split("\n"))).noneMatch(line -> line.contains("Seq Scan on response_boards"));
    }
}

package org.vigie.server.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.vigie.server.support.Fixtures;
import org.vigie.server.support.VigieTest;

/** A run that was queued or running when Vigie stopped is failed at the next start, saying why; nothing of it is stored. */
@VigieTest
class InterruptedRunsTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MonitoringRuns runs;

    @Test
    void runsLeftRunningByAStoppedVigieAreMarkedFailed() {
        UUID organisation = new Fixtures(port).organisation("RESEARCH");
        UUID running = leftBehind(organisation, "RUNNING");
        UUID queued = leftBehind(organisation, "QUEUED");

        runs.afterSingletonsInstantiated(); // what a start does

        for (UUID run : new UUID[] {running, queued}) {
            assertThat(jdbc.sql("SELECT state FROM monitoring_runs WHERE id = :id").param("id", run).query(String.class).single())
                    .isEqualTo("FAILED");
            assertThat(jdbc.sql("SELECT error FROM monitoring_runs WHERE id = :id").param("id", run).query(String.class).single())
                    .contains("Vigie stopped", "nothing was stored");
        }
    }

    private UUID leftBehind(UUID organisation, String state) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                INSERT INTO monitoring_runs (id, owner_organisation, account_id, tlp, source, source_name, settings, state, created_at)
                VALUES (:id, :organisation, :account, 'AMBER', 'UPLOAD', 'posts.csv', '{"types":["co-link"],"windowSeconds":60,"maxErrors":"1%"}',
                        :state, :now)""")
                .param("id", id).param("organisation", organisation).param("account", UUID.randomUUID()).param("state", state)
                .param("now", Timestamp.from(Instant.now())).update();
        return id;
    }
}

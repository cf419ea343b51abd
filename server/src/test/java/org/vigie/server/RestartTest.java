package org.vigie.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigie.server.audit.AuditLog;
import org.vigie.server.support.Api;
import org.vigie.server.support.Fixtures;
import org.vigie.server.support.StandaloneVigie;

class RestartTest {

    @TempDir
    Path data;

    @Test
    void dataSurvivesAStopAndStartOnTheSameDirectory() {
        String organisationId;
        String adminId;
        String token;
        try (StandaloneVigie first = StandaloneVigie.start(data)) {
            Fixtures fixtures = first.fixtures();
            organisationId = fixtures.admin().post("/api/v1/organisations",
                    Map.of("name", "Survivor", "sector", "RESEARCH", "country", "DE")).json().get("id").asText();
            adminId = fixtures.admin().get("/api/v1/me").json().get("id").asText();
            token = fixtures.anonymous().basic("admin", org.vigie.server.support.VigieTest.ADMIN_PASSWORD)
                    .post("/api/v1/auth/tokens", Map.of("name", "kept")).json().get("token").asText();
        }

        try (StandaloneVigie second = StandaloneVigie.start(data)) {
            Api admin = Api.anonymous(second.port()).bearer(token);

            assertThat(admin.get("/api/v1/organisations/" + organisationId).json().get("name").asText()).isEqualTo("Survivor");
            assertThat(admin.get("/api/v1/me").json().get("id").asText()).as("admin is not re-created").isEqualTo(adminId);
            assertThat(second.bean(AuditLog.class).verify().intact()).isTrue();
        }
    }
}

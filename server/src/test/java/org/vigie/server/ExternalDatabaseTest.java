package org.vigie.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigie.server.support.Fixtures;
import org.vigie.server.support.StandaloneVigie;

/**
 * With VIGIE_DB_URL set, Vigie uses that server and starts nothing embedded. The "external" server
 * here is a separate PostgreSQL process started by the test, reached over TCP like any other.
 */
class ExternalDatabaseTest {

    @TempDir
    Path data;

    @TempDir
    Path externalFiles;

    @Test
    void vigieUsesTheExternalServerAndStartsNothingEmbedded() throws Exception {
        try (EmbeddedPostgres external = EmbeddedPostgres.builder().setDataDirectory(externalFiles).start()) {
            String url = "jdbc:postgresql://127.0.0.1:" + external.getPort() + "/postgres";

            try (StandaloneVigie vigie = StandaloneVigie.start(data,
                    "--vigie.db.url=" + url, "--vigie.db.user=postgres", "--vigie.db.password=")) {
                Fixtures fixtures = vigie.fixtures();
                assertThat(fixtures.admin().post("/api/v1/organisations",
                        Map.of("name", "Stored elsewhere", "sector", "RESEARCH", "country", "NL")).status()).isEqualTo(201);
            }

            assertThat(data.resolve("postgres")).doesNotExist();
            try (var connection = external.getPostgresDatabase().getConnection();
                 var rs = connection.createStatement().executeQuery("SELECT count(*) FROM organisations WHERE name = 'Stored elsewhere'")) {
                rs.next();
                assertThat(rs.getInt(1)).isEqualTo(1);
            }
        }
    }
}

package org.vigie.server.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vigie.server.support.ReportFiling.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.vigie.server.support.Api;
import org.vigie.server.support.Fixtures;
import org.vigie.server.support.ReportFiling;
import org.vigie.server.support.VigieTest;

/** {@code vigie export} against the running test server, over HTTP, as its token's owner. */
@VigieTest
class ExportCommandTest {

    @LocalServerPort
    int port;

    @TempDir
    Path directory;

    final ByteArrayOutputStream out = new ByteArrayOutputStream();
    final ByteArrayOutputStream err = new ByteArrayOutputStream();
    Fixtures fixtures;
    UUID election;
    String username;
    Api analyst;
    String token;

    @BeforeEach
    void setUp() {
        fixtures = new Fixtures(port);
        election = ReportFiling.election(fixtures);
        username = fixtures.account(fixtures.organisation("GOVERNMENT_AGENCY"), "ANALYST");
        analyst = fixtures.signedIn(username);
        token = Api.anonymous(port).basic(username, Fixtures.PASSWORD).post("/api/v1/auth/tokens", Map.of("name", "cli"))
                .json().get("token").asText();
    }

    int run(Map<String, String> environment, String... args) {
        return new ExportCommand(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                environment::get).run(List.of(args));
    }

    @Test
    void exportsAReportIntoAFileWithAProgressLine() throws Exception {
        String id = report("CLI report", election, "https://cli-export.example/").fileAs(analyst);
        Path file = directory.resolve("report.json");

        int status = run(Map.of("VIGIE_TOKEN", token), "--url", "http://127.0.0.1:" + port, "--report", id, "-o", file.toString());

        assertThat(status).as(err.toString(StandardCharsets.UTF_8)).isZero();
        JsonNode bundle = new ObjectMapper().readTree(file.toFile());
        assertThat(bundle.get("objects").findValuesAsText("id")).contains(id);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("exported " + bundle.get("objects").size() + " objects, "
                + Files.size(file) + " bytes to " + file);
        assertThat(Files.exists(directory.resolve("report.json.part"))).isFalse();
    }

    @Test
    void exportsASearchFromTheEnvironmentsUrlAndToken() throws Exception {
        String word = "cli" + UUID.randomUUID().toString().substring(0, 6);
        String id = report("Search " + word, election).fileAs(analyst);
        Path file = directory.resolve("search.json");

        int status = run(Map.of("VIGIE_URL", "http://127.0.0.1:" + port + "/", "VIGIE_TOKEN", token),
                "--reports-query", "q=" + word + "&revoked=false", "-o", file.toString());

        assertThat(status).as(err.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(new ObjectMapper().readTree(file.toFile()).get("objects").findValuesAsText("id")).contains(id);
    }

    @Test
    void aRefusedTokenOrAnUnknownSetIsAClearFailure() {
        Path file = directory.resolve("nothing.json");
        String base = "http://127.0.0.1:" + port;

        assertThat(run(Map.of(), "--url", base, "--token", "not-a-token", "--campaign", "campaign--" + UUID.randomUUID(), "-o", file.toString()))
                .isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("token was refused (401)");
        assertThat(run(Map.of(), "--url", base, "--token", token, "--report", "incident--" + UUID.randomUUID(), "-o", file.toString()))
                .isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("not found (404)");
        assertThat(Files.exists(file)).isFalse();
        assertThat(run(Map.of(), "--report", "x")).isEqualTo(64);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("an API token is needed");
        assertThat(run(Map.of("VIGIE_TOKEN", token), "--report", "x", "--campaign", "y")).isEqualTo(64);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("export one set at a time");
    }
}

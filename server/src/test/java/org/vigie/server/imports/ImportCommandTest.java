package org.vigie.server.imports;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.vigie.server.support.Fixtures;
import org.vigie.server.support.VigieTest;

/** {@code vigie import} against this test server, over HTTP, as an analyst would run it. */
@VigieTest
class ImportCommandTest {

    @LocalServerPort
    int port;

    @TempDir
    Path directory;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String token, String... arguments) {
        return new ImportCommand(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                Map.of("VIGIE_URL", "http://127.0.0.1:" + port, "VIGIE_TOKEN", token)).run(List.of(arguments));
    }

    private String token() {
        Fixtures fixtures = new Fixtures(port);
        String analyst = fixtures.account(fixtures.organisation("GOVERNMENT_AGENCY"), "ANALYST");
        return fixtures.anonymous().basic(analyst, Fixtures.PASSWORD)
                .post("/api/v1/auth/tokens", Map.of("name", "cli-" + UUID.randomUUID())).json().path("token").asText();
    }

    @Test
    void importsAFileFollowsTheJobAndAnswersZero() throws Exception {
        Path file = directory.resolve("bundle.json");
        Files.writeString(file, ImportApiTest.bundle(ImportApiTest.indicator(ImportApiTest.newId(), "2027-03-01T10:00:00.000Z", "a"),
                ImportApiTest.indicator(ImportApiTest.newId(), "2027-03-01T10:00:00.000Z", "b")));

        int status = run(token(), file.toString(), "--tlp", "GREEN");

        assertThat(status).as(out + "\n" + err).isZero();
        assertThat(out.toString()).contains("STIX bundle", "uploaded", "SUCCEEDED: 2 objects: 2 stored", "/report");
    }

    @Test
    void aRefusedImportAnswersOneAndNamesTheProblem() throws Exception {
        Path file = directory.resolve("broken.json");
        var broken = ImportApiTest.indicator(ImportApiTest.newId(), "2027-03-01T10:00:00.000Z", "broken");
        broken.remove("pattern");
        Files.writeString(file, ImportApiTest.bundle(broken));

        int status = run(token(), file.toString(), "--tlp", "GREEN");

        assertThat(status).isEqualTo(1);
        assertThat(out.toString()).contains("REJECTED", "object 0", "pattern");
    }

    @Test
    void withoutATokenOrAFileItExplainsItsUsage() {
        assertThat(new ImportCommand(System.out, new PrintStream(err, true, StandardCharsets.UTF_8), Map.of()).run(List.of("nothing.json")))
                .isEqualTo(64);
        assertThat(err.toString()).contains("no file nothing.json");
    }

    @Test
    void aMispEventIsRecognisedByItsContent() throws Exception {
        Path misp = directory.resolve("event.json");
        Files.writeString(misp, "{\"Event\": {\"info\": \"Phishing wave\", \"Attribute\": []}}");
        Path search = directory.resolve("search.json");
        Files.writeString(search, "{\"response\": [{\"Event\": {}}]}");
        Path stix = directory.resolve("bundle.json");
        Files.writeString(stix, "{\"id\": \"bundle--1\", \"objects\": [], \"type\": \"bundle\"}");

        assertThat(ImportCommand.detect(misp)).isEqualTo("misp");
        assertThat(ImportCommand.detect(search)).isEqualTo("misp");
        assertThat(ImportCommand.detect(stix)).isEqualTo("stix");
    }
}

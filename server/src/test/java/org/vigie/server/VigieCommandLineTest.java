package org.vigie.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class VigieCommandLineTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return VigieApplicationAccess.runCommandLine(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), args);
    }

    @Test
    void helpListsTheCommands() {
        assertThat(run("--help")).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("serve", "audit verify", "bench knowledge", "bench reports",
                "bench alerts", "VIGIE_ALLOW_PRIVATE_WEBHOOKS");
    }

    @Test
    void anUnknownCommandIsAUsageError() {
        assertThat(run("frobnicate")).isEqualTo(64);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("unknown command 'frobnicate'");
    }

    @Test
    void aBadPortIsNamed() {
        assertThat(run("serve", "--port", "http")).isEqualTo(64);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--port needs a number from 1 to 65535, not 'http'");
    }

    @Test
    void linksNameThePortServedOnUnlessAPublicUrlIsGiven() {
        assertThat(VigieCommandLine.defaultPublicUrl(java.util.List.of(), null, 8099))
                .contains("--vigie.alerts.public-url=http://localhost:8099");
        assertThat(VigieCommandLine.defaultPublicUrl(java.util.List.of(), "https://vigie.example", 8099)).isEmpty();
        assertThat(VigieCommandLine.defaultPublicUrl(java.util.List.of("--vigie.alerts.public-url=https://hub.example"), null, 8099))
                .isEmpty();
    }

    @Test
    void aBenchmarkNeedsANameAndSensibleSizes() {
        assertThat(run("bench", "everything")).isEqualTo(64);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("unknown benchmark 'everything'");
        assertThat(run("bench", "reports", "--reports", "0")).isEqualTo(64);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--reports needs a whole number of 1 or more, not '0'");
        assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty(); // refused before anything started
    }

    @Test
    void verifyingADirectoryWithoutDataSaysSo() {
        assertThat(run("audit", "verify", "--data", "does-not-exist")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("no Vigie data in");
    }

    @Test
    void helpListsTheDetectionCommands() {
        assertThat(run("help")).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("detect --input FILE --out DIR", "--compat coortweet",
                "bench detect --rows N");
    }

    @Test
    void detectIsDispatchedToTheDetectCommand() {
        assertThat(run("detect", "--input", "does-not-exist.csv", "--out", "out")).isEqualTo(66);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("input file not found: does-not-exist.csv");
        assertThat(run("detect", "--out", "out")).isEqualTo(64);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--input FILE is required");
    }

    @Test
    void theDetectionBenchmarkRefusesBadSizes() {
        assertThat(run("bench", "detect", "--rows", "0")).isEqualTo(64);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--rows must be > 0, was 0");
    }
}

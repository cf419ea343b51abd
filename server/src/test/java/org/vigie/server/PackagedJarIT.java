package org.vigie.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The jar people run, not the test classpath: resources are nested in the jar and thread pools see
 * another class loader, so what passes in unit tests can still fail here (schema loading once did).
 */
class PackagedJarIT {

    private static final Path JAR = Path.of(System.getProperty("vigie.jar", "target/vigie-server.jar"));

    private static String run(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", JAR.toString()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        boolean finished = process.waitFor(5, TimeUnit.MINUTES);
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(finished).as("finished within 5 minutes").isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        return output;
    }

    @Test
    void theJarExists() {
        assertThat(Files.isRegularFile(JAR)).as(JAR.toString()).isTrue();
    }

    @Test
    void theJarListsItsCommands() throws Exception {
        assertThat(run("--help")).contains("serve", "audit verify", "bench knowledge", "bench reports");
    }

    @Test
    void theJarImportsValidatesAndQueriesObjects() throws Exception {
        String output = run("bench", "knowledge", "--objects", "4000", "--queries", "10");

        assertThat(output).contains("objects loaded            4,000").contains("full-text search");
    }

    @Test
    void theJarLoadsReportsAndTimesCorrelationLookups() throws Exception {
        String output = run("bench", "reports", "--reports", "500", "--lookups", "10");

        assertThat(output).contains("reports loaded            500").contains("10 of 10 answers as expected").contains("Execution Time");
    }
}

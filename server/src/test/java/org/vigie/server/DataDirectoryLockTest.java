package org.vigie.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigie.server.database.DataDirectoryInUseException;
import org.vigie.server.support.StandaloneVigie;

class DataDirectoryLockTest {

    @TempDir
    Path data;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int commandLine(String... args) {
        return VigieApplicationAccess.runCommandLine(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), args);
    }

    private static int freePort() throws java.io.IOException {
        try (ServerSocket probe = new ServerSocket(0)) {
            return probe.getLocalPort();
        }
    }

    @Test
    void aSecondVigieOnADirectoryInUseFailsWithAClearMessage() {
        try (StandaloneVigie running = StandaloneVigie.start(data)) {
            assertThatThrownBy(() -> StandaloneVigie.start(data))
                    .hasRootCauseInstanceOf(DataDirectoryInUseException.class)
                    .rootCause().hasMessageContaining("is in use by another running Vigie");
        }
    }

    @Test
    void serveRefusesADirectoryInUseBeforeStartingAnything() throws Exception {
        try (StandaloneVigie running = StandaloneVigie.start(data)) {
            int status = commandLine("serve", "--port", Integer.toString(freePort()), "--data", data.toString());

            assertThat(status).isEqualTo(1);
            assertThat(err.toString(StandardCharsets.UTF_8)).contains("in use by another running Vigie").contains(data.toString());
        }
    }

    @Test
    void serveRefusesAPortInUse() throws Exception {
        try (ServerSocket taken = new ServerSocket(0)) {
            int status = commandLine("serve", "--port", Integer.toString(taken.getLocalPort()), "--data", data.toString());

            assertThat(status).isEqualTo(1);
            assertThat(err.toString(StandardCharsets.UTF_8)).contains("port " + taken.getLocalPort() + " is already in use");
        }
    }

    @Test
    void theDirectoryIsFreeAgainOnceVigieStops() {
        StandaloneVigie.start(data).close();

        try (StandaloneVigie again = StandaloneVigie.start(data)) {
            assertThat(again.port()).isPositive();
        }
    }
}

package org.vigie.server.database;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * PostgreSQL 17 running from the binaries shipped in Vigie's jar, with its files in the data
 * directory so that data survives restarts. Only ever started while this process holds the
 * directory's lock.
 */
public final class EmbeddedPostgresServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresServer.class);
    static final String USER = "postgres";
    static final String DATABASE = "postgres";

    private final EmbeddedPostgres postgres;

    private EmbeddedPostgresServer(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    public static EmbeddedPostgresServer start(DataDirectory dataDirectory) {
        Path files = dataDirectory.postgres();
        stopOrphan(files);
        try {
            EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                    .setDataDirectory(files)
                    .setCleanDataDirectory(false)
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .setServerConfig("listen_addresses", "127.0.0.1")
                    .setServerConfig("max_connections", "50")
                    .start();
            dataDirectory.describeHolder(postgres.getPort());
            log.info("Embedded PostgreSQL listening on 127.0.0.1:{} with its data in {}", postgres.getPort(), files);
            return new EmbeddedPostgresServer(postgres);
        } catch (IOException e) {
            throw new UncheckedIOException("the embedded PostgreSQL did not start in " + files + ": " + e.getMessage(), e);
        }
    }

    /**
     * A Vigie killed without a chance to stop its PostgreSQL leaves that server running on the data
     * files. We hold the directory's lock, so any PostgreSQL on these files is such an orphan: ask
     * it to shut down (SIGINT is PostgreSQL's "fast" shutdown) before starting our own.
     */
    private static void stopOrphan(Path files) {
        Path pidFile = files.resolve("postmaster.pid");
        if (!Files.isRegularFile(pidFile)) {
            return;
        }
        Optional<ProcessHandle> orphan = readFirstLine(pidFile).flatMap(EmbeddedPostgresServer::parsePid)
                .flatMap(ProcessHandle::of)
                .filter(p -> p.info().command().map(c -> c.contains("postgres")).orElse(false));
        orphan.ifPresent(process -> {
            log.warn("Stopping PostgreSQL process {} left running on {} by an earlier Vigie", process.pid(), files);
            signalInterrupt(process.pid());
            process.onExit().orTimeout(30, java.util.concurrent.TimeUnit.SECONDS).exceptionally(t -> {
                process.destroyForcibly();
                return process;
            }).join();
        });
    }

    private static void signalInterrupt(long pid) {
        try {
            new ProcessBuilder(List.of("kill", "-INT", Long.toString(pid))).inheritIO().start().waitFor();
        } catch (IOException e) {
            ProcessHandle.of(pid).ifPresent(ProcessHandle::destroy);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Optional<String> readFirstLine(Path file) {
        try (var lines = Files.lines(file)) {
            return lines.findFirst();
        } catch (IOException | UncheckedIOException e) {
            return Optional.empty();
        }
    }

    private static Optional<Long> parsePid(String line) {
        try {
            return Optional.of(Long.parseLong(line.trim()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    public int port() {
        return postgres.getPort();
    }

    /** With batched inserts rewritten as multi-row INSERTs: several times faster for bulk imports. */
    public String jdbcUrl() {
        return postgres.getJdbcUrl(USER, DATABASE) + "&reWriteBatchedInserts=true";
    }

    public DataSource plainDataSource() {
        return postgres.getPostgresDatabase();
    }

    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

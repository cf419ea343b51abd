package org.vigie.server.database;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import java.util.Properties;

/**
 * The directory that holds one Vigie's data, held with an operating-system file lock for as long as
 * this process runs. The lock file also says who holds it and on which port its embedded
 * PostgreSQL listens, so tools such as {@code vigie audit verify} can reach a running instance's
 * database instead of starting a second server on the same files.
 */
public final class DataDirectory implements AutoCloseable {

    static final String LOCK_FILE = "vigie.lock";

    private final Path root;
    private final FileChannel channel;
    private final FileLock lock;

    private DataDirectory(Path root, FileChannel channel, FileLock lock) {
        this.root = root;
        this.channel = channel;
        this.lock = lock;
    }

    /** Takes the directory for this process, creating it if needed; fails at once if another Vigie holds it. */
    public static DataDirectory lock(Path directory) {
        Path root = directory.toAbsolutePath().normalize();
        try {
            Files.createDirectories(root);
            FileChannel channel = FileChannel.open(root.resolve(LOCK_FILE),
                    StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
            FileLock lock = tryLock(channel);
            if (lock == null) {
                channel.close();
                throw new DataDirectoryInUseException(root, readHolder(root));
            }
            DataDirectory taken = new DataDirectory(root, channel, lock);
            taken.describeHolder(null);
            return taken;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot use data directory " + root + ": " + e.getMessage(), e);
        }
    }

    private static FileLock tryLock(FileChannel channel) throws IOException {
        try {
            return channel.tryLock();
        } catch (OverlappingFileLockException e) {
            return null; // held by this very JVM (e.g. two application contexts in one test run)
        }
    }

    public Path root() {
        return root;
    }

    public Path postgres() {
        return root.resolve("postgres");
    }

    public Path logs() {
        return root.resolve("logs");
    }

    /** Records this process (and its embedded PostgreSQL port, once known) in the lock file. */
    void describeHolder(Integer postgresPort) {
        Properties holder = new Properties();
        holder.setProperty("pid", Long.toString(ProcessHandle.current().pid()));
        if (postgresPort != null) {
            holder.setProperty("postgres.port", postgresPort.toString());
        }
        StringBuilder text = new StringBuilder("# held by a running Vigie; removed from use when it stops\n");
        holder.forEach((k, v) -> text.append(k).append('=').append(v).append('\n'));
        try {
            channel.truncate(0);
            channel.write(ByteBuffer.wrap(text.toString().getBytes(StandardCharsets.UTF_8)), 0);
            channel.force(false);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What the lock file says about the Vigie that holds (or last held) the directory. */
    public static Properties readHolder(Path directory) {
        Properties holder = new Properties();
        Path file = directory.resolve(LOCK_FILE);
        if (Files.isReadable(file)) {
            try (var in = Files.newBufferedReader(file)) {
                holder.load(in);
            } catch (IOException | IllegalArgumentException ignored) {
                // An unreadable description only makes the error message less specific.
            }
        }
        return holder;
    }

    /** The port of the embedded PostgreSQL of the Vigie currently holding {@code directory}, if any. */
    public static Optional<Integer> runningPostgresPort(Path directory) {
        String port = readHolder(directory).getProperty("postgres.port");
        try {
            return Optional.ofNullable(port).map(Integer::valueOf);
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    @Override
    public void close() {
        try {
            lock.release();
            channel.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

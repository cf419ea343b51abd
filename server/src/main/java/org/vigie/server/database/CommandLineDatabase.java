package org.vigie.server.database;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import javax.sql.DataSource;
import org.postgresql.ds.PGSimpleDataSource;
import org.springframework.util.StringUtils;

/**
 * The database as a command-line tool ({@code vigie audit verify}) reaches it, without starting the
 * application: the external server when a URL is given; else the embedded PostgreSQL of the Vigie
 * that is running on the data directory; else an embedded PostgreSQL started for the command.
 */
public final class CommandLineDatabase implements AutoCloseable {

    private final DataSource dataSource;
    private final String description;
    private final AutoCloseable owned;

    private CommandLineDatabase(DataSource dataSource, String description, AutoCloseable owned) {
        this.dataSource = dataSource;
        this.description = description;
        this.owned = owned;
    }

    public static CommandLineDatabase open(Path dataDirectory, String url, String user, String password) {
        if (StringUtils.hasText(url)) {
            PGSimpleDataSource external = new PGSimpleDataSource();
            external.setURL(url);
            if (StringUtils.hasText(user)) {
                external.setUser(user);
            }
            if (StringUtils.hasText(password)) {
                external.setPassword(password);
            }
            return new CommandLineDatabase(external, "external PostgreSQL " + url, null);
        }
        Path root = dataDirectory.toAbsolutePath().normalize();
        if (!Files.isDirectory(root.resolve("postgres"))) {
            throw new IllegalArgumentException("no Vigie data in " + root + " (run ./vigie serve --data " + dataDirectory + " first)");
        }
        DataDirectory locked;
        try {
            locked = DataDirectory.lock(root);
        } catch (DataDirectoryInUseException inUse) {
            Optional<Integer> port = DataDirectory.runningPostgresPort(root);
            if (port.isEmpty()) {
                throw inUse;
            }
            PGSimpleDataSource running = new PGSimpleDataSource();
            running.setURL("jdbc:postgresql://127.0.0.1:" + port.get() + "/" + EmbeddedPostgresServer.DATABASE);
            running.setUser(EmbeddedPostgresServer.USER);
            return new CommandLineDatabase(running, "the running Vigie's database in " + root, null);
        }
        EmbeddedPostgresServer server = EmbeddedPostgresServer.start(locked);
        return new CommandLineDatabase(server.plainDataSource(), "the embedded database in " + root, () -> {
            server.close();
            locked.close();
        });
    }

    public DataSource dataSource() {
        return dataSource;
    }

    public String description() {
        return description;
    }

    @Override
    public void close() throws Exception {
        if (owned != null) {
            owned.close();
        }
    }
}

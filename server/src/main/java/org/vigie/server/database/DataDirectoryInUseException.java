package org.vigie.server.database;

import java.nio.file.Path;
import java.util.Properties;

/** Another running Vigie holds the data directory; two servers on one PostgreSQL data directory would corrupt it. */
public final class DataDirectoryInUseException extends RuntimeException {

    private final Path directory;

    DataDirectoryInUseException(Path directory, Properties holder) {
        super("The data directory " + directory + " is in use by another running Vigie"
                + (holder.getProperty("pid") != null ? " (process " + holder.getProperty("pid") + ")" : "")
                + ". Stop that one first, or start this one with another --data directory.");
        this.directory = directory;
    }

    public Path directory() {
        return directory;
    }
}

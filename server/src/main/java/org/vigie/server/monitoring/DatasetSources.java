package org.vigie.server.monitoring;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.vigie.detect.datasets.Datasets;
import org.vigie.server.web.InvalidFieldException;

/**
 * The datasets a run may read besides an upload: the files of {@code vigie.monitoring.datasets-dir} (none
 * when it is not set) and the datasets shipped with Vigie. A server file is named by its path relative to
 * that directory and must resolve, links followed, to a regular file inside it: an analyst can never make
 * the server read anything else ({@code ../}, absolute paths, a link pointing out of it are refused).
 */
@Component
class DatasetSources {

    /** Listing a huge directory would make the form useless; deeper or further files are still named by hand. */
    static final int LISTED_FILES = 200;
    private static final int LISTED_DEPTH = 3;

    private final Optional<Path> directory;

    DatasetSources(@Value("${vigie.monitoring.datasets-dir:}") String datasetsDir) {
        this.directory = datasetsDir == null || datasetsDir.isBlank() ? Optional.empty() : Optional.of(realDirectory(datasetsDir));
    }

    private static Path realDirectory(String configured) {
        Path path = Path.of(configured);
        try {
            Files.createDirectories(path);
            return path.toRealPath();
        } catch (IOException e) {
            throw new UncheckedIOException("vigie.monitoring.datasets-dir " + configured + " is not a usable directory", e);
        }
    }

    /** A dataset shipped with Vigie, as offered on the form: its key and file name. */
    record Bundled(String key, String fileName) {
    }

    List<Bundled> bundled() {
        return Arrays.stream(Datasets.values()).map(d -> new Bundled(key(d), d.fileName())).toList();
    }

    static String key(Datasets dataset) {
        return dataset.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    Datasets bundled(String key) {
        return Arrays.stream(Datasets.values()).filter(d -> key(d).equals(key)).findFirst()
                .orElseThrow(() -> new InvalidFieldException("dataset", "monitoring.dataset.unknown",
                        "No dataset '" + key + "' is shipped with Vigie; use one of "
                                + String.join(", ", bundled().stream().map(Bundled::key).toList()) + "."));
    }

    InputStream open(Datasets dataset) throws IOException {
        return dataset.open();
    }

    boolean serverFilesEnabled() {
        return directory.isPresent();
    }

    /** The regular files of the directory, relative paths with '/', sorted; empty when none is configured. */
    List<String> serverFiles() {
        if (directory.isEmpty()) {
            return List.of();
        }
        Path root = directory.get();
        try (Stream<Path> files = Files.walk(root, LISTED_DEPTH)) {
            return files.filter(p -> Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS))
                    .filter(p -> !p.getFileName().toString().startsWith("."))
                    .map(p -> root.relativize(p).toString().replace('\\', '/'))
                    .sorted(Comparator.naturalOrder()).limit(LISTED_FILES).toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    /**
     * The file a relative name designates inside the directory. Refused (400, field {@code serverFile}) when no
     * directory is configured, when the name is absolute or climbs out, or when the real file (links followed)
     * is not a regular file inside the directory.
     */
    Path serverFile(String name) {
        Path root = directory.orElseThrow(() -> new InvalidFieldException("serverFile", "monitoring.serverFile.disabled",
                "This Vigie reads no server-side datasets: vigie.monitoring.datasets-dir is not set."));
        if (name == null || name.isBlank()) {
            throw refused(name);
        }
        Path relative;
        try {
            relative = Path.of(name.strip());
        } catch (java.nio.file.InvalidPathException e) {
            throw refused(name);
        }
        if (relative.isAbsolute() || relative.getRoot() != null) {
            throw refused(name);
        }
        for (Path part : relative) {
            if (part.toString().equals("..")) {
                throw refused(name);
            }
        }
        Path resolved = root.resolve(relative).normalize();
        try {
            Path real = resolved.toRealPath();
            if (!real.startsWith(root) || !Files.isRegularFile(real)) {
                throw refused(name);
            }
            return real;
        } catch (IOException e) {
            throw refused(name);
        }
    }

    private static InvalidFieldException refused(String name) {
        return new InvalidFieldException("serverFile", "monitoring.serverFile.refused",
                "'" + name + "' is not a file of the server's datasets directory (vigie.monitoring.datasets-dir); name one it lists.");
    }
}

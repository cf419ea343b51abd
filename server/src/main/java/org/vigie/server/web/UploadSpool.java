package org.vigie.server.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Supplier;

/**
 * Copies an upload's body to a file, counting, for features that read large files after the request
 * (imports, monitoring datasets). The body's declared length may lie or be absent, so the limit is checked on
 * the bytes actually read: over it, or on any failure, what was written is deleted and nothing is left behind.
 */
public final class UploadSpool {
    private static final int BUFFER = 1 << 16;

    private UploadSpool() {
    }

    /**
     * @param file     where to write (its directory is created when missing)
     * @param maxBytes the feature's own limit
     * @param tooLarge the exception to throw past the limit (a 413 problem naming the feature)
     */
    public static Path write(Path file, InputStream body, long maxBytes, Supplier<? extends RuntimeException> tooLarge) {
        try {
            Files.createDirectories(file.getParent());
            try (OutputStream out = Files.newOutputStream(file)) {
                byte[] buffer = new byte[BUFFER];
                long total = 0;
                int read;
                while ((read = body.read(buffer)) != -1) {
                    total += read;
                    if (total > maxBytes) {
                        throw tooLarge.get();
                    }
                    out.write(buffer, 0, read);
                }
            }
            return file;
        } catch (IOException | RuntimeException e) {
            deleteQuietly(file);
            if (e instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new UncheckedIOException("could not receive the upload", (IOException) e);
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // best effort: the file is in Vigie's own data directory, cleaned at the next start
        }
    }
}

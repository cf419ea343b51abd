package org.vigie.server.imports;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import org.vigie.server.knowledge.StoreOutcome;

/**
 * The per-object report of an import, one JSON object per line (JSON Lines), in bundle order:
 * {@code {"index":0,"id":"indicator--…","modified":"…","status":"STORED","problems":[]}}. Written as the
 * import goes, so that a million objects never sit in memory; downloaded from the job.
 */
final class ImportReportFile implements Closeable {

    static final String STORED = "STORED";
    static final String NEW_VERSION = "NEW_VERSION";
    static final String UNCHANGED = "UNCHANGED";
    static final String REJECTED = "REJECTED";
    /** valid, but not stored: the import was rolled back (all or nothing, cancelled, failed) */
    static final String NOT_STORED = "NOT_STORED";

    private final Path path;
    private final ObjectMapper json;
    private final OutputStream out;
    private final JsonGenerator generator;

    ImportReportFile(Path path, ObjectMapper json) {
        this.path = path;
        this.json = json;
        try {
            Files.createDirectories(path.getParent());
            this.out = new java.io.BufferedOutputStream(Files.newOutputStream(path), 1 << 16);
            this.generator = json.getFactory().createGenerator(out);
            generator.setRootValueSeparator(new com.fasterxml.jackson.core.io.SerializedString("\n"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the import report " + path, e);
        }
    }

    static String status(StoreOutcome.Status status) {
        return switch (status) {
            case CREATED -> STORED;
            case NEW_VERSION -> NEW_VERSION;
            case UNCHANGED -> UNCHANGED;
            case REJECTED -> REJECTED;
        };
    }

    synchronized void write(long index, String id, String modified, String status, List<StoreOutcome.Problem> problems) {
        try {
            generator.writeStartObject();
            generator.writeNumberField("index", index);
            generator.writeStringField("id", id);
            generator.writeStringField("modified", modified);
            generator.writeStringField("status", status);
            generator.writeArrayFieldStart("problems");
            for (StoreOutcome.Problem problem : problems) {
                generator.writeStartObject();
                generator.writeStringField("pointer", problem.pointer());
                generator.writeStringField("message", problem.message());
                generator.writeEndObject();
            }
            generator.writeEndArray();
            generator.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the import report " + path, e);
        }
    }

    @Override
    public synchronized void close() {
        try {
            generator.writeRaw('\n');
            generator.close();
            out.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * After a rollback: what the report called stored or a new version was not kept. Rewrites the
     * closed file line by line (a million lines take a second or two).
     */
    static void rolledBack(Path path, ObjectMapper json) {
        Path rewritten = path.resolveSibling(path.getFileName() + ".tmp");
        try (BufferedReader in = Files.newBufferedReader(path, StandardCharsets.UTF_8);
             BufferedWriter out = Files.newBufferedWriter(rewritten, StandardCharsets.UTF_8)) {
            String line;
            while ((line = in.readLine()) != null) {
                if (line.isBlank()) {
                    continue;
                }
                JsonNode entry = json.readTree(line);
                String status = entry.path("status").asText();
                if (STORED.equals(status) || NEW_VERSION.equals(status)) {
                    ((ObjectNode) entry).put("status", NOT_STORED);
                    line = json.writeValueAsString(entry);
                }
                out.write(line);
                out.write('\n');
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot rewrite the import report " + path, e);
        }
        try {
            Files.move(rewritten, path, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

package org.vigie.server.evidence;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.unit.DataSize;
import org.vigie.server.audit.AuditEvent;
import org.vigie.server.audit.AuditTrail;
import org.vigie.server.web.InvalidFieldException;
import org.vigie.server.web.NotFoundException;

/**
 * Evidence files, content-addressed by SHA-256, in chunks of 1 MiB: a file is never held whole in
 * memory, neither when it is stored nor when it is read.
 *
 * <p>Storing streams the content once, in one transaction: the first chunk is typed by its magic bytes
 * (refused before anything is written if it is not an accepted type), every chunk is hashed and
 * written under a temporary key, and reading stops as soon as the size passes the limit. At the end the
 * file's row is inserted with {@code ON CONFLICT DO NOTHING}: if the content was already stored (even by
 * an upload committing at the same moment, whose insert this one waits for), the new chunks are dropped
 * and the stored file is reused; otherwise the chunks are renamed to the hash. The chunks' foreign key
 * is deferred to the commit for this. A refused or failed upload leaves nothing behind.
 *
 * <p>This class decides nothing about who may read a file: callers (the reports module) check that the
 * reader may see a report listing the hash before calling {@link #copyTo} or {@link EvidenceDownloads}.
 */
@Service
public class EvidenceStore {

    static final int CHUNK_SIZE = 1024 * 1024;

    private final JdbcClient jdbc;
    private final AuditTrail audit;
    private final Clock clock;
    private final TransactionTemplate transaction;
    private final long maxSize;

    @Autowired
    EvidenceStore(JdbcClient jdbc, AuditTrail audit, Clock clock, PlatformTransactionManager transactions,
                  @Value("${vigie.evidence.max-size:50MB}") DataSize maxSize) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
        this.transaction = new TransactionTemplate(transactions);
        // Inside a caller's transaction, a refused upload rolls back to a savepoint: the caller's own
        // work (a report being saved with a form error to show) is not doomed by it.
        this.transaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
        if (maxSize.toBytes() <= 0) {
            throw new IllegalArgumentException("vigie.evidence.max-size must be positive, not " + maxSize);
        }
        this.maxSize = maxSize.toBytes();
    }

    /** The largest file accepted, in bytes ({@code vigie.evidence.max-size}). */
    public long maxSize() {
        return maxSize;
    }

    /**
     * Stores the content, or finds it already stored.
     *
     * @param content           read to its end (or until the limit is passed); not closed
     * @param fileName          the name it was uploaded with; made safe and fitted to the type found
     * @param declaredMediaType what the client said it is: recorded in the audit trail, never trusted
     * @param storedBy          the account storing it, or null for the system
     * @return the file, with the type found in its content and the safe name
     * @throws EvidenceTooLargeException     over {@code vigie.evidence.max-size} (413)
     * @throws EvidenceTypeRefusedException  not an accepted type (415)
     * @throws InvalidFieldException         an empty file (400)
     * @throws UncheckedIOException          the content could not be read
     */
    public EvidenceFile store(InputStream content, String fileName, String declaredMediaType, UUID storedBy) {
        Objects.requireNonNull(content, "content");
        return transaction.execute(status -> write(content, fileName, declaredMediaType, storedBy));
    }

    private EvidenceFile write(InputStream content, String fileName, String declaredMediaType, UUID storedBy) {
        byte[] buffer = new byte[CHUNK_SIZE];
        int read = fill(content, buffer);
        if (read == 0) {
            throw new InvalidFieldException("file", "evidence.file.empty", "The file is empty.");
        }
        EvidenceTypes.Detected type = EvidenceTypes.detect(buffer, read, read == CHUNK_SIZE);
        if (!type.accepted()) {
            throw new EvidenceTypeRefusedException(type.description());
        }

        jdbc.sql("SET CONSTRAINTS evidence_chunks_file DEFERRED").update();
        String upload = "upload-" + UUID.randomUUID();
        MessageDigest sha256 = sha256();
        long size = 0;
        int seq = 0;
        while (read > 0) {
            size += read;
            if (size > maxSize) {
                throw new EvidenceTooLargeException(maxSize);
            }
            sha256.update(buffer, 0, read);
            jdbc.sql("INSERT INTO evidence_chunks (sha256, seq, data) VALUES (:key, :seq, :data)")
                    .param("key", upload)
                    .param("seq", seq++)
                    .param("data", read == CHUNK_SIZE ? buffer : Arrays.copyOf(buffer, read))
                    .update();
            read = fill(content, buffer);
        }
        String hash = HexFormat.of().formatHex(sha256.digest());

        boolean added = jdbc.sql("""
                        INSERT INTO evidence_files (sha256, size, media_type, stored_at, stored_by)
                        VALUES (:sha256, :size, :mediaType, :storedAt, :storedBy)
                        ON CONFLICT (sha256) DO NOTHING
                        """)
                .param("sha256", hash)
                .param("size", size)
                .param("mediaType", type.mediaType())
                .param("storedAt", Timestamp.from(clock.instant()))
                .param("storedBy", storedBy)
                .update() == 1;
        EvidenceFile stored;
        if (added) {
            jdbc.sql("UPDATE evidence_chunks SET sha256 = :sha256 WHERE sha256 = :key").param("sha256", hash).param("key", upload).update();
            stored = new EvidenceFile(hash, size, type.mediaType(), null);
        } else {
            jdbc.sql("DELETE FROM evidence_chunks WHERE sha256 = :key").param("key", upload).update();
            stored = find(hash).orElseThrow(() -> new IllegalStateException("evidence file " + hash + " vanished"));
        }
        stored = stored.withFileName(fileName);
        audit.record(AuditEvent.of("evidence.stored", "evidence-file", hash)
                .with("sha256", hash)
                .with("size", size)
                .with("mediaType", stored.mediaType())
                .with("declaredMediaType", declaredMediaType == null ? "" : declaredMediaType)
                .with("fileName", stored.fileName())
                .with("alreadyStored", !added));
        return stored;
    }

    /** Reads until the buffer is full or the content ends; 0 at the end. */
    private static int fill(InputStream content, byte[] buffer) {
        try {
            return content.readNBytes(buffer, 0, buffer.length);
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the evidence file", e);
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /** The stored file with that hash; empty for an unknown hash and for anything that is not 64 lower-case hex digits. */
    public Optional<EvidenceFile> find(String sha256) {
        if (!EvidenceFile.isSha256(sha256)) {
            return Optional.empty();
        }
        return jdbc.sql("SELECT sha256, size, media_type FROM evidence_files WHERE sha256 = :sha256")
                .param("sha256", sha256)
                .query((rs, n) -> new EvidenceFile(rs.getString("sha256"), rs.getLong("size"), rs.getString("media_type"), null))
                .optional();
    }

    /**
     * Writes the file's bytes to {@code out}, one chunk at a time, each read by its own query: no
     * connection is held while a slow client receives a chunk.
     *
     * @throws NotFoundException unknown or malformed hash
     */
    public void copyTo(String sha256, OutputStream out) throws IOException {
        EvidenceFile file = find(sha256).orElseThrow(() -> new NotFoundException("evidence file", sha256));
        long chunks = (file.size() + CHUNK_SIZE - 1) / CHUNK_SIZE;
        long written = 0;
        for (int seq = 0; seq < chunks; seq++) {
            int index = seq;
            byte[] data = jdbc.sql("SELECT data FROM evidence_chunks WHERE sha256 = :sha256 AND seq = :seq")
                    .param("sha256", file.sha256())
                    .param("seq", seq)
                    .query(byte[].class)
                    .optional()
                    .orElseThrow(() -> new IllegalStateException("evidence file " + file.sha256() + " lacks chunk " + index));
            out.write(data);
            written += data.length;
        }
        if (written != file.size()) {
            throw new IllegalStateException("evidence file " + file.sha256() + " has " + written + " bytes, not " + file.size());
        }
    }
}

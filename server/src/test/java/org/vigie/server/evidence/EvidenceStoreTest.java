package org.vigie.server.evidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.util.unit.DataSize;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;
import org.vigie.server.audit.AuditTrail;
import org.vigie.server.support.VigieTest;
import org.vigie.server.web.InvalidFieldException;

/** Evidence files in the real PostgreSQL: stored once per content, streamed in chunks, refused when too large or of the wrong kind. */
@VigieTest
class EvidenceStoreTest {

    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A};
    private static final int MIB = 1024 * 1024;

    @Autowired
    EvidenceStore store;
    @Autowired
    EvidenceDownloads downloads;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    AuditTrail audit;
    @Autowired
    Clock clock;
    @Autowired
    PlatformTransactionManager transactions;

    /** Random bytes (so unique to this test run) that start like a PNG image. */
    private static byte[] png(int size) {
        byte[] bytes = new byte[size];
        new Random().nextBytes(bytes);
        System.arraycopy(PNG_SIGNATURE, 0, bytes, 0, PNG_SIGNATURE.length);
        return bytes;
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    private EvidenceStore storeWithLimit(DataSize limit) {
        return new EvidenceStore(jdbc, audit, clock, transactions, limit);
    }

    private long chunks(String key) {
        return jdbc.sql("SELECT count(*) FROM evidence_chunks WHERE sha256 = :key").param("key", key).query(Long.class).single();
    }

    private long temporaryChunks() {
        return jdbc.sql("SELECT count(*) FROM evidence_chunks WHERE sha256 LIKE 'upload-%'").query(Long.class).single();
    }

    @Test
    void aFileIsStoredInChunksAndReadBackByteForByte() throws Exception {
        byte[] content = png(3 * MIB + 123);
        UUID analyst = UUID.randomUUID();

        EvidenceFile stored = store.store(new ByteArrayInputStream(content), "capture d'écran.png", "image/png", analyst);

        assertThat(stored).isEqualTo(new EvidenceFile(sha256(content), content.length, "image/png", "capture d'écran.png"));
        assertThat(chunks(stored.sha256())).isEqualTo(4);
        assertThat(store.find(stored.sha256())).contains(new EvidenceFile(stored.sha256(), content.length, "image/png", null));
        ByteArrayOutputStream read = new ByteArrayOutputStream();
        store.copyTo(stored.sha256(), read);
        assertThat(read.toByteArray()).isEqualTo(content);
        assertThat(jdbc.sql("SELECT stored_by FROM evidence_files WHERE sha256 = :sha").param("sha", stored.sha256())
                .query(UUID.class).single()).isEqualTo(analyst);
    }

    @Test
    void storingIsAudited() {
        EvidenceFile stored = store.store(new ByteArrayInputStream(png(1000)), "a.png", "application/x-anything", null);

        String details = jdbc.sql("SELECT details FROM audit_log WHERE action = 'evidence.stored' AND target_id = :sha")
                .param("sha", stored.sha256()).query(String.class).single();
        assertThat(details).contains("\"size\":1000", "\"mediaType\":\"image/png\"", "\"declaredMediaType\":\"application/x-anything\"",
                "\"alreadyStored\":false");
    }

    @Test
    void aDownloadStreamsTheStoredBytes() throws Exception {
        byte[] content = png(MIB + 1);
        EvidenceFile stored = store.store(new ByteArrayInputStream(content), "a.png", null, null);

        ResponseEntity<StreamingResponseBody> response = downloads.download(store.find(stored.sha256()).orElseThrow(), "listed.png");
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        response.getBody().writeTo(body);

        assertThat(body.toByteArray()).isEqualTo(content);
        assertThat(response.getHeaders().getContentLength()).isEqualTo(content.length);
        assertThat(response.getHeaders().getFirst("Content-Disposition")).contains("filename=\"listed.png\"");
    }

    @Test
    void identicalContentIsStoredOnce() throws Exception {
        byte[] content = png(2 * MIB + 5);

        EvidenceFile first = store.store(new ByteArrayInputStream(content), "first.png", "image/png", null);
        EvidenceFile second = store.store(new ByteArrayInputStream(content), "second.png", "image/png", null);

        assertThat(second.sha256()).isEqualTo(first.sha256()).isEqualTo(sha256(content));
        assertThat(second.fileName()).isEqualTo("second.png");
        assertThat(jdbc.sql("SELECT count(*) FROM evidence_files WHERE sha256 = :sha").param("sha", first.sha256())
                .query(Long.class).single()).isEqualTo(1);
        assertThat(chunks(first.sha256())).isEqualTo(3);
        assertThat(temporaryChunks()).isZero();
    }

    @Test
    void twoUploadsOfTheSameContentAtTheSameMomentStoreItOnce() throws Exception {
        byte[] content = png(MIB + 7);
        CyclicBarrier bothRead = new CyclicBarrier(2);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            List<Future<EvidenceFile>> uploads = List.of(
                    threads.submit(() -> store.store(new MeetingAtTheEnd(content, bothRead), "one.png", null, null)),
                    threads.submit(() -> store.store(new MeetingAtTheEnd(content, bothRead), "two.png", null, null)));

            assertThat(uploads.get(0).get(30, TimeUnit.SECONDS).sha256()).isEqualTo(sha256(content));
            assertThat(uploads.get(1).get(30, TimeUnit.SECONDS).sha256()).isEqualTo(sha256(content));
        } finally {
            threads.shutdownNow();
        }
        assertThat(chunks(sha256(content))).isEqualTo(2);
        assertThat(temporaryChunks()).isZero();
        assertThat(jdbc.sql("SELECT details FROM audit_log WHERE action = 'evidence.stored' AND target_id = :sha")
                .param("sha", sha256(content)).query(String.class).list())
                .as("one upload added the file, the other found it")
                .satisfiesExactlyInAnyOrder(d -> assertThat(d).contains("\"alreadyStored\":false"),
                        d -> assertThat(d).contains("\"alreadyStored\":true"));
    }

    /** Content whose reader waits, at its end, until the other upload has read all of its own: both then insert the file at once. */
    private static final class MeetingAtTheEnd extends FilterInputStream {

        private final CyclicBarrier barrier;
        private boolean met;

        MeetingAtTheEnd(byte[] content, CyclicBarrier barrier) {
            super(new ByteArrayInputStream(content));
            this.barrier = barrier;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int read = super.read(buffer, offset, length);
            if (read < 0 && !met) {
                met = true;
                try {
                    barrier.await(20, TimeUnit.SECONDS);
                } catch (Exception e) {
                    throw new IOException(e);
                }
            }
            return read;
        }
    }

    @Test
    void aFileOverTheLimitIsRefusedWithTheLimitAndNothingIsKept() {
        EvidenceStore small = storeWithLimit(DataSize.ofBytes(MIB + MIB / 2));
        byte[] content = png(3 * MIB);
        CountingStream input = new CountingStream(content);

        assertThatThrownBy(() -> small.store(input, "big.png", "image/png", null))
                .isInstanceOfSatisfying(EvidenceTooLargeException.class, e -> {
                    assertThat(e.getStatusCode().value()).isEqualTo(413);
                    assertThat(e.getBody().getDetail()).isEqualTo("The file is larger than the limit of 1.5 MB (1572864 bytes).");
                    assertThat(e.getBody().getProperties()).containsEntry("limit", 1572864L).containsEntry("limitText", "1.5 MB");
                    assertThat(e.field()).isEqualTo("file");
                });
        assertThat(input.read).as("stops reading soon after the limit").isLessThanOrEqualTo(2L * MIB);
        assertThat(temporaryChunks()).isZero();
        assertThat(small.find(sha256Unchecked(content))).isEmpty();
    }

    @Test
    void aFileOfExactlyTheLimitIsAccepted() {
        EvidenceStore small = storeWithLimit(DataSize.ofBytes(MIB + 10));

        assertThat(small.store(new ByteArrayInputStream(png(MIB + 10)), "edge.png", null, null).size()).isEqualTo(MIB + 10);
    }

    @Test
    void aWindowsExecutableIsRefusedNamingWhatItIsAndWhatIsAccepted() {
        byte[] program = png(4096);
        program[0] = 'M';
        program[1] = 'Z';

        assertThatThrownBy(() -> store.store(new ByteArrayInputStream(program), "invoice.pdf", "application/pdf", null))
                .isInstanceOfSatisfying(EvidenceTypeRefusedException.class, e -> {
                    assertThat(e.getStatusCode().value()).isEqualTo(415);
                    assertThat(e.detected()).isEqualTo("Windows executable (MZ)");
                    assertThat(e.getBody().getDetail()).startsWith("This file is a Windows executable (MZ), which is not accepted as evidence. "
                            + "Accepted: PNG, JPEG,");
                    assertThat(e.getBody().getProperties()).containsKeys("detected", "accepted");
                });
        assertThat(store.find(sha256Unchecked(program))).isEmpty();
        assertThat(temporaryChunks()).isZero();
    }

    @Test
    void theTypeStoredIsTheOneFoundNotTheOneClaimed() {
        EvidenceFile stored = store.store(new ByteArrayInputStream(("<html><script>alert(1)</script> " + UUID.randomUUID())
                .getBytes()), "page.html", "text/html", null);

        assertThat(stored.mediaType()).isEqualTo("text/plain");
        assertThat(stored.fileName()).isEqualTo("page.html.txt");
    }

    @Test
    void anEmptyFileIsRefused() {
        assertThatThrownBy(() -> store.store(new ByteArrayInputStream(new byte[0]), "empty.txt", "text/plain", null))
                .isInstanceOf(InvalidFieldException.class).hasMessageContaining("empty");
    }

    @Test
    void onlyWellFormedHashesAreLookedUp() {
        assertThat(store.find("A".repeat(64))).isEmpty();
        assertThat(store.find("a".repeat(63))).isEmpty();
        assertThat(store.find("' OR 1=1 --")).isEmpty();
        assertThat(store.find(null)).isEmpty();
        assertThat(EvidenceFile.isSha256("0123456789abcdef".repeat(4))).isTrue();
    }

    private static String sha256Unchecked(byte[] bytes) {
        try {
            return sha256(bytes);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Counts what the store reads. */
    private static final class CountingStream extends FilterInputStream {

        long read;

        CountingStream(byte[] content) {
            super(new ByteArrayInputStream(content));
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                read += n;
            }
            return n;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                read++;
            }
            return b;
        }
    }
}

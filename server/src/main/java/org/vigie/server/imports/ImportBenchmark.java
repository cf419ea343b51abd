package org.vigie.server.imports;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.ZoneOffset;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.vigie.core.accounts.Member;
import org.vigie.core.accounts.OrganisationRole;
import org.vigie.core.organisations.Sector;
import org.vigie.core.sharing.Tlp;
import org.vigie.server.audit.AuditEvent;
import org.vigie.server.knowledge.BulkImport;
import org.vigie.server.knowledge.SharingRequest;
import org.vigie.server.organisations.OrganisationChanges;
import org.vigie.server.organisations.Organisations;

/**
 * {@code vigie bench import}: writes a bundle of realistic objects to a temporary file (indicators,
 * observables, relationships; about a third marked, the rest taking the import's TLP) and imports it
 * through the same service as {@code POST /api/v1/import/stix}, all or nothing, in a throwaway
 * database. Prints objects per second, the peak heap and the ratio to the target.
 */
@Component
public class ImportBenchmark {

    /** Target from the exchange issue, on a 2-core machine. */
    static final double TARGET_OBJECTS_PER_SECOND = 5_000;

    private static final DateTimeFormatter STIX_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);
    private static final String[] WORDS = ("ballot fraud polling station phishing candidate deepfake leak campaign voter registration "
            + "bureau de vote fraude électorale hameçonnage candidat rumeur fuite campagne électeurs inscription urne dépouillement "
            + "typosquatting impersonation commission results counting harassment journalist narrative bot network").split(" ");

    private final StixImport stixImport;
    private final BulkImport bulk;
    private final Organisations organisations;
    private final ObjectMapper json;

    ImportBenchmark(StixImport stixImport, BulkImport bulk, Organisations organisations, ObjectMapper json) {
        this.stixImport = stixImport;
        this.bulk = bulk;
        this.organisations = organisations;
        this.json = json;
    }

    /** What the run measured. */
    public record Result(long objects, long bytes, double seconds, double objectsPerSecond, long peakHeapBytes, long stored,
                         long rejected, ImportJob.State state) {
    }

    public Result run(int objects, long seed, PrintStream out) {
        Path directory;
        try {
            directory = Files.createTempDirectory("vigie-bench-import-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            Path file = directory.resolve("bundle.json");
            out.printf("Writing a bundle of %,d objects (seed %d) to %s ...%n", objects, seed, file);
            long written = System.nanoTime();
            generate(file, objects, seed);
            long bytes = size(file);
            out.printf("  %,d bytes (%.1f MB) in %.1f s%n", bytes, bytes / 1048576.0, (System.nanoTime() - written) / 1e9);

            UUID organisation = organisations.createBySystem(new OrganisationChanges("Import benchmark " + UUID.randomUUID(),
                    Sector.GOVERNMENT_AGENCY, "XV", "")).id();
            Member importer = new Member(UUID.randomUUID(), "bench-import", organisation, OrganisationRole.ANALYST, false);
            BulkImport.Session session = bulk.session(importer, new SharingRequest(Tlp.GREEN, null, Set.of(), Set.of(), Set.of()));
            ImportProgress progress = new ImportProgress(bytes);

            out.printf("Importing it (all or nothing, one transaction; objects without a marking get TLP:GREEN) ...%n");
            System.gc();
            ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
            Thread ticker = progressLine(progress, objects, out);
            long started = System.nanoTime();
            StixImport.Outcome outcome;
            try (InputStream in = new java.io.BufferedInputStream(new CountingStream(Files.newInputStream(file), progress), 1 << 16);
                 ImportReportFile report = new ImportReportFile(directory.resolve("report.jsonl"), json)) {
                outcome = stixImport.run(session, in, false, progress, report,
                        result -> AuditEvent.of("import.finished", "import", "benchmark").with("objects", progress.objectsRead.get()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } finally {
                ticker.interrupt();
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            long peak = ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP)
                    .mapToLong(p -> p.getPeakUsage().getUsed()).sum();
            double rate = progress.objectsRead.get() / seconds;
            out.printf("%n%nImport benchmark (seed %d, %s, %d CPUs, max heap %,d MB)%n", seed, Instant.now(),
                    Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() / 1048576);
            out.printf("  outcome                   %s, %,d stored, %,d rejected%s%n", outcome.state(), progress.stored.get(),
                    progress.rejected.get(), outcome.error() == null ? "" : " (" + outcome.error() + ")");
            out.printf("  objects imported          %,d (%.1f MB) in %.1f s%n", progress.objectsRead.get(), bytes / 1048576.0, seconds);
            out.printf("  import throughput         %,.0f objects/s, %.1f MB/s   (target %,.0f objects/s: ratio %.2f)%n", rate,
                    bytes / 1048576.0 / seconds, TARGET_OBJECTS_PER_SECOND, rate / TARGET_OBJECTS_PER_SECOND);
            out.printf("  peak heap during import   %,d MB (sum of the heap pools' peaks)%n", peak / 1048576);
            out.printf("  writing thread            %.1f s writing batches (store + report rows), %.1f s waiting for validated batches%n",
                    progress.writingNanos.get() / 1e9, progress.waitingNanos.get() / 1e9);
            return new Result(progress.objectsRead.get(), bytes, seconds, rate, peak, progress.stored.get(), progress.rejected.get(),
                    outcome.state());
        } finally {
            org.springframework.util.FileSystemUtils.deleteRecursively(directory.toFile());
        }
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Thread progressLine(ImportProgress progress, int objects, PrintStream out) {
        Thread ticker = new Thread(() -> {
            try {
                while (!Thread.currentThread().isInterrupted()) {
                    Thread.sleep(2_000);
                    out.printf("\r  read %,d MB of %,d MB, validated %,d, written %,d of %,d objects", progress.bytesRead.get() / 1048576,
                            progress.bytesTotal() / 1048576, progress.validated.get(), progress.written.get(), objects);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "bench-import-progress");
        ticker.setDaemon(true);
        ticker.start();
        return ticker;
    }

    /**
     * Writes the bundle: in every 10 objects, 3 indicators (with a name, a description and a pattern),
     * 4 observables (IPv4, domain, URL, file with a SHA-256) and 3 relationships between an indicator and
     * an observable. About a third of the objects carry their own TLP marking.
     */
    void generate(Path file, int objects, long seed) {
        Random random = new Random(seed);
        try (OutputStream out = new java.io.BufferedOutputStream(Files.newOutputStream(file), 1 << 16);
             JsonGenerator bundle = json.getFactory().createGenerator(out)) {
            bundle.writeStartObject();
            bundle.writeStringField("type", "bundle");
            bundle.writeStringField("id", "bundle--" + uuid(random));
            bundle.writeArrayFieldStart("objects");
            String lastIndicator = null;
            String lastObservable = null;
            for (int i = 0; i < objects; i++) {
                int kind = i % 10;
                String time = STIX_TIME.format(Instant.parse("2027-01-01T00:00:00Z").plusMillis(random.nextInt(1_000_000_000) * 10L));
                bundle.writeStartObject();
                if (kind < 3 || lastIndicator == null) {
                    lastIndicator = "indicator--" + uuid(random);
                    bundle.writeStringField("type", "indicator");
                    bundle.writeStringField("spec_version", "2.1");
                    bundle.writeStringField("id", lastIndicator);
                    bundle.writeStringField("created", time);
                    bundle.writeStringField("modified", time);
                    bundle.writeStringField("name", words(random, 3));
                    bundle.writeStringField("description", words(random, 10));
                    bundle.writeStringField("pattern", "[domain-name:value = 'site-" + random.nextInt(10_000_000) + ".example']");
                    bundle.writeStringField("pattern_type", "stix");
                    bundle.writeStringField("valid_from", time);
                    bundle.writeArrayFieldStart("labels");
                    bundle.writeString("malicious-activity");
                    bundle.writeEndArray();
                } else if (kind < 7) {
                    int flavour = random.nextInt(4);
                    String type = switch (flavour) {
                        case 0 -> "ipv4-addr";
                        case 1 -> "domain-name";
                        case 2 -> "url";
                        default -> "file";
                    };
                    lastObservable = type + "--" + uuid(random);
                    bundle.writeStringField("type", type);
                    bundle.writeStringField("spec_version", "2.1");
                    bundle.writeStringField("id", lastObservable);
                    switch (flavour) {
                        case 0 -> bundle.writeStringField("value", "198.51." + random.nextInt(256) + "." + random.nextInt(256));
                        case 1 -> bundle.writeStringField("value", "vote-" + random.nextInt(10_000_000) + ".example");
                        case 2 -> bundle.writeStringField("value", "https://vote-" + random.nextInt(10_000_000) + ".example/bureau?id="
                                + random.nextInt(1000));
                        default -> {
                            bundle.writeStringField("name", "ballot-" + random.nextInt(100_000) + ".pdf");
                            bundle.writeObjectFieldStart("hashes");
                            bundle.writeStringField("SHA-256", hex(random, 32));
                            bundle.writeEndObject();
                        }
                    }
                } else {
                    bundle.writeStringField("type", "relationship");
                    bundle.writeStringField("spec_version", "2.1");
                    bundle.writeStringField("id", "relationship--" + uuid(random));
                    bundle.writeStringField("created", time);
                    bundle.writeStringField("modified", time);
                    bundle.writeStringField("relationship_type", "based-on");
                    bundle.writeStringField("source_ref", lastIndicator);
                    bundle.writeStringField("target_ref", lastObservable == null ? lastIndicator : lastObservable);
                }
                if (random.nextInt(3) == 0) {
                    Tlp tlp = Tlp.values()[random.nextInt(Tlp.values().length)];
                    bundle.writeArrayFieldStart("object_marking_refs");
                    bundle.writeString(tlp.markingDefinitionId());
                    bundle.writeEndArray();
                }
                bundle.writeEndObject();
            }
            bundle.writeEndArray();
            bundle.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String uuid(Random random) {
        long high = (random.nextLong() & ~0xF000L) | 0x4000L;
        long low = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(high, low).toString();
    }

    private static String hex(Random random, int bytes) {
        char[] digits = "0123456789abcdef".toCharArray();
        char[] text = new char[bytes * 2];
        for (int i = 0; i < text.length; i++) {
            text[i] = digits[random.nextInt(16)];
        }
        return new String(text);
    }

    private static String words(Random random, int count) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < count; i++) {
            text.append(i == 0 ? "" : " ").append(WORDS[random.nextInt(WORDS.length)]);
        }
        return text.toString();
    }

    /** Counts the bytes the import reads. */
    private static final class CountingStream extends java.io.FilterInputStream {

        private final ImportProgress progress;

        CountingStream(InputStream in, ImportProgress progress) {
            super(in);
            this.progress = progress;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                progress.bytesRead.addAndGet(n);
            }
            return n;
        }
    }
}

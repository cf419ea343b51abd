package org.vigie.server.reports;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.vigie.core.accounts.Member;
import org.vigie.core.accounts.OrganisationRole;
import org.vigie.core.alerts.webhooks.WebhookSignature;
import org.vigie.core.organisations.Sector;
import org.vigie.core.reports.IncidentType;
import org.vigie.core.reports.Outcome;
import org.vigie.core.sharing.Tlp;
import org.vigie.server.accounts.Accounts;
import org.vigie.server.accounts.NewAccount;
import org.vigie.server.alerts.SubscriptionRequest;
import org.vigie.server.alerts.Subscriptions;
import org.vigie.server.knowledge.SharingRequest;
import org.vigie.server.organisations.OrganisationChanges;
import org.vigie.server.organisations.Organisations;

/**
 * {@code vigie bench alerts}: N webhook subscribers (one team's subscriptions, each with its own URL and
 * secret) served by a receiver in this process (JDK HttpServer on 127.0.0.1, TCP_NODELAY, a pool of
 * threads), then reports filed through {@link Reports#file} as a person would. For each report it
 * measures, from the moment the report's transaction committed to each delivery's arrival at the
 * receiver, p50/p99/max and deliveries per second; the receiver checks every signature and counts
 * duplicates. The delivery loop runs as in production (woken by the commit, not by a poll).
 *
 * <p>It lives in the reports module because it files reports through the real report flow, and reports
 * already depends on alerts (the outbox step); alerts may not depend on reports.
 */
@Component
public class AlertsBenchmark {

    /** Target from the alerts issue: p99 from the report's commit to the delivery below 1 s, 1,000 subscribers. */
    static final double TARGET_P99_MILLIS = 1_000;

    private final Reports reports;
    private final Subscriptions subscriptions;
    private final Organisations organisations;
    private final Accounts accounts;
    private final TransactionTemplate transactions;
    private final JdbcClient jdbc;
    private final int perHost;
    private final int maxConcurrent;

    // the settings by name: the webhook classes are internal to the alerts module
    AlertsBenchmark(Reports reports, Subscriptions subscriptions, Organisations organisations, Accounts accounts,
                    TransactionTemplate transactions, JdbcClient jdbc,
                    @Value("${vigie.webhooks.max-concurrent-per-host:16}") int perHost,
                    @Value("${vigie.webhooks.max-concurrent:64}") int maxConcurrent) {
        this.reports = reports;
        this.subscriptions = subscriptions;
        this.organisations = organisations;
        this.accounts = accounts;
        this.transactions = transactions;
        this.jdbc = jdbc;
        this.perHost = perHost;
        this.maxConcurrent = maxConcurrent;
    }

    /**
     * @param subscribers webhook subscriptions, all matching every report
     * @param warmUp      reports filed first and not counted: a server on election night has been running for
     *                    hours, its code compiled by the JIT; the first reports of a fresh process measure the
     *                    compiler (printed, and the first one summarised as "cold")
     * @param reports     reports filed one after the other and counted
     */
    public record Settings(int subscribers, int warmUp, int reports) {
    }

    public void run(Settings settings, PrintStream out) {
        String run = UUID.randomUUID().toString().substring(0, 8);
        String password = "Bench-" + UUID.randomUUID();
        UUID authorOrganisation = organisations.createBySystem(new OrganisationChanges("Alerts bench election body " + run,
                Sector.ELECTION_MANAGEMENT_BODY, "XV", "")).id();
        UUID teamOrganisation = organisations.createBySystem(new OrganisationChanges("Alerts bench response team " + run,
                Sector.MEDIA, "XV", "")).id();
        Member author = accounts.createBySystem(new NewAccount("bench-author-" + run, password, "Benchmark author", null,
                authorOrganisation, OrganisationRole.ANALYST, false)).member();
        Member team = accounts.createBySystem(new NewAccount("bench-team-" + run, password, "Benchmark team", null,
                teamOrganisation, OrganisationRole.ANALYST, false)).member();

        try (Receiver receiver = new Receiver(Math.max(16, perHost))) {
            out.printf("alerts benchmark: %,d webhook subscribers on one local receiver (127.0.0.1:%d); delivery slots %d per host,"
                            + " %d in all%n", settings.subscribers(), receiver.port(), perHost,
                    maxConcurrent);
            long start = System.nanoTime();
            for (int i = 0; i < settings.subscribers(); i++) {
                Subscriptions.Created created = subscriptions.subscribe(team, new SubscriptionRequest("Bench hook " + i, false, null,
                        null, List.of("IMPERSONATION"), null, null, null, null, null, null, "IMMEDIATE", List.of("WEBHOOK"),
                        "http://127.0.0.1:" + receiver.port() + "/hooks/" + i));
                receiver.secrets.put(created.subscription().id().toString(), created.webhookSecret().getBytes(StandardCharsets.UTF_8));
            }
            out.printf("  %,d subscriptions created in %.1f s%n", settings.subscribers(), seconds(System.nanoTime() - start));

            List<Long> counted = new ArrayList<>();
            double worstP99 = 0;
            double coldP99 = -1;
            for (int r = 0; r < settings.warmUp() + settings.reports(); r++) {
                Measure measure = fileAndMeasure(author, settings.subscribers(), receiver, "Bench report " + (r + 1) + " " + run);
                boolean warmUp = r < settings.warmUp();
                long[] sorted = measure.latencies();
                double p50 = millis(percentile(sorted, 0.50));
                double p99 = millis(percentile(sorted, 0.99));
                double last = millis(sorted.length == 0 ? 0 : sorted[sorted.length - 1]);
                out.printf("  report %d%s: %,d/%,d delivered in %.0f ms after the commit (filing took %.0f ms): p50 %.0f ms, p99 %.0f ms,"
                                + " max %.0f ms, %,.0f deliveries/s; all rows DELIVERED: %s%n",
                        r + 1, warmUp ? " (warm-up, not counted)" : "", sorted.length, settings.subscribers(), last,
                        millis(measure.filingNanos()), p50, p99, last, sorted.length / Math.max(1e-9, last / 1000.0),
                        measure.allDelivered());
                if (r == 0) {
                    coldP99 = p99;
                }
                if (!warmUp) {
                    for (long l : sorted) {
                        counted.add(l);
                    }
                    worstP99 = Math.max(worstP99, p99);
                }
            }
            long[] all = counted.stream().mapToLong(Long::longValue).sorted().toArray();
            double p99 = millis(percentile(all, 0.99));
            out.printf("  counted reports together: p50 %.0f ms, p99 %.0f ms (worst report p99 %.0f ms); target p99 < %.0f ms: ratio %.2f"
                            + " (%s)%n", millis(percentile(all, 0.50)), p99, worstP99, TARGET_P99_MILLIS, p99 / TARGET_P99_MILLIS,
                    p99 < TARGET_P99_MILLIS ? "met" : "NOT met");
            if (settings.warmUp() > 0) {
                out.printf("  cold (the first report of a fresh process, not counted): p99 %.0f ms, ratio %.2f%n", coldP99,
                        coldP99 / TARGET_P99_MILLIS);
            }
            out.printf("  receiver: %,d requests, %,d bad signatures, %,d duplicates%n", receiver.requests.get(),
                    receiver.badSignatures.get(), receiver.duplicates.get());
        }
    }

    private record Measure(long[] latencies, long filingNanos, boolean allDelivered) {
    }

    private Measure fileAndMeasure(Member author, int expected, Receiver receiver, String title) {
        receiver.expect(expected);
        AtomicLong committedAt = new AtomicLong();
        long filingStart = System.nanoTime();
        String id = transactions.execute(tx -> {
            // registered before the report's own work: runs first after the commit, before the worker is woken
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    committedAt.set(System.nanoTime());
                }
            });
            return reports.file(author, new ReportDraft(title, "Benchmark report", null, null, null, null, Set.of(IncidentType.IMPERSONATION),
                    Outcome.ATTEMPTED, null, null, null, null, null, null, 70, null, null, null), List.of(), List.of(),
                    new SharingRequest(Tlp.CLEAR, null, Set.of(), Set.of(), Set.of())).id();
        });
        long filing = committedAt.get() - filingStart;
        try {
            if (!receiver.done.await(120, TimeUnit.SECONDS)) {
                throw new IllegalStateException("only " + receiver.arrivals.size() + " of " + expected + " deliveries in 120 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
        long[] latencies = receiver.arrivals.stream().mapToLong(t -> t - committedAt.get()).sorted().toArray();
        // the outcome is recorded just after the receiver answers
        boolean allDelivered = false;
        for (int i = 0; i < 100 && !allDelivered; i++) {
            allDelivered = jdbc.sql("SELECT count(*) FROM notifications WHERE subject_id = :id AND channel = 'WEBHOOK' AND status = 'DELIVERED'")
                    .param("id", id).query(Integer.class).single() == expected;
            if (!allDelivered) {
                try {
                    Thread.sleep(50);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
        }
        return new Measure(latencies, filing, allDelivered);
    }

    private static long percentile(long[] sorted, double p) {
        if (sorted.length == 0) {
            return 0;
        }
        int index = (int) Math.ceil(p * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    private static double millis(long nanos) {
        return nanos / 1_000_000.0;
    }

    private static double seconds(long nanos) {
        return nanos / 1_000_000_000.0;
    }

    /** A subscriber's receiver: checks the signature with the subscription's secret, de-duplicates, notes the arrival time. */
    private static final class Receiver implements AutoCloseable {

        final Map<String, byte[]> secrets = new ConcurrentHashMap<>();
        final AtomicInteger requests = new AtomicInteger();
        final AtomicInteger badSignatures = new AtomicInteger();
        final AtomicInteger duplicates = new AtomicInteger();
        private final Set<String> seen = ConcurrentHashMap.newKeySet();
        volatile List<Long> arrivals = List.of();
        volatile CountDownLatch done = new CountDownLatch(0);
        private final HttpServer server;
        private final ExecutorService threads;

        Receiver(int threads) {
            // without it the JDK server delays small answers (Nagle + delayed ACK): ~40 ms per request
            System.setProperty("sun.net.httpserver.nodelay", "true");
            this.threads = Executors.newFixedThreadPool(threads);
            try {
                server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 1024);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            server.setExecutor(this.threads);
            server.createContext("/hooks/", exchange -> {
                long arrived = System.nanoTime();
                requests.incrementAndGet();
                byte[] body = exchange.getRequestBody().readAllBytes();
                String delivery = exchange.getRequestHeaders().getFirst("X-Vigie-Delivery");
                String[] parts = delivery == null ? new String[0] : delivery.split(":");
                byte[] secret = parts.length == 3 ? secrets.get(parts[1]) : null;
                int status;
                if (secret == null || !WebhookSignature.verify(secret, body, exchange.getRequestHeaders().getFirst(WebhookSignature.HEADER))) {
                    badSignatures.incrementAndGet();
                    status = 401;
                } else if (!seen.add(delivery)) {
                    duplicates.incrementAndGet();
                    status = 200;
                } else {
                    arrivals.add(arrived);
                    done.countDown();
                    status = 200;
                }
                exchange.sendResponseHeaders(status, -1);
                exchange.close();
            });
            server.start();
        }

        void expect(int deliveries) {
            arrivals = java.util.Collections.synchronizedList(new ArrayList<>(deliveries));
            done = new CountDownLatch(deliveries);
        }

        int port() {
            return server.getAddress().getPort();
        }

        @Override
        public void close() {
            server.stop(0);
            threads.shutdownNow();
        }
    }
}

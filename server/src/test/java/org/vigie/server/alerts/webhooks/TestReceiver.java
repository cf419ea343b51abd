package org.vigie.server.alerts.webhooks;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.vigie.core.alerts.webhooks.WebhookSignature;

/**
 * A webhook receiver as a subscriber would write one, on 127.0.0.1: it checks the signature over the
 * raw body, de-duplicates on X-Vigie-Delivery and keeps what it accepted. Scripted paths answer
 * failures; "/hang" blocks until the test releases it (no sleeping anywhere).
 */
final class TestReceiver implements AutoCloseable {

    record Received(String eventId, String eventType, String signature, String contentType, String userAgent, byte[] body) {
    }

    private volatile byte[] secret;
    private final HttpServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool();
    final List<Received> accepted = Collections.synchronizedList(new ArrayList<>());
    final AtomicInteger requests = new AtomicInteger();
    final AtomicInteger badSignatures = new AtomicInteger();
    final AtomicInteger duplicates = new AtomicInteger();
    private final Set<String> seen = ConcurrentHashMap.newKeySet();
    private final Map<String, AtomicInteger> failuresLeft = new ConcurrentHashMap<>();
    private final Map<String, Integer> failureStatus = new ConcurrentHashMap<>();
    final CountDownLatch release = new CountDownLatch(1);

    TestReceiver(String secret) throws IOException {
        this.secret = secret.getBytes(StandardCharsets.UTF_8);
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(threads);
        server.createContext("/", this::handle);
        server.start();
    }

    URI url(String path) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
    }

    /** The next {@code n} requests to {@code /flaky} answer 503. */
    void failNext(int n) {
        failNext("/flaky", n, 503);
    }

    /** The next {@code n} requests to {@code path} answer {@code status}. */
    void failNext(String path, int n, int status) {
        failuresLeft.put(path, new AtomicInteger(n));
        failureStatus.put(path, status);
    }

    /** The secret Vigie answered when the subscription was created (it is only known then). */
    void useSecret(String secret) {
        this.secret = secret.getBytes(StandardCharsets.UTF_8);
    }

    private void handle(HttpExchange exchange) throws IOException {
        requests.incrementAndGet();
        byte[] body = exchange.getRequestBody().readAllBytes();
        String path = exchange.getRequestURI().getPath();
        switch (path) {
            case "/hang" -> {
                try {
                    release.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                answer(exchange, 200, "late");
                return;
            }
            case "/gone" -> {
                answer(exchange, 410, "hook deleted");
                return;
            }
            case "/missing" -> {
                answer(exchange, 404, "no such hook");
                return;
            }
            case "/busy" -> {
                exchange.getResponseHeaders().add("Retry-After", "7");
                answer(exchange, 429, "slow down");
                return;
            }
            case "/redirect" -> {
                exchange.getResponseHeaders().add("Location", "/ok");
                answer(exchange, 302, "");
                return;
            }
            case "/big" -> {
                answer(exchange, 500, "x".repeat(1_000_000));
                return;
            }
            default -> {
            }
        }
        AtomicInteger left = failuresLeft.get(path);
        if (left != null && left.getAndDecrement() > 0) {
            answer(exchange, failureStatus.getOrDefault(path, 503), "try later");
            return;
        }
        String signature = exchange.getRequestHeaders().getFirst(WebhookSignature.HEADER);
        if (!WebhookSignature.verify(secret, body, signature)) {
            badSignatures.incrementAndGet();
            answer(exchange, 401, "bad signature");
            return;
        }
        String eventId = exchange.getRequestHeaders().getFirst("X-Vigie-Delivery");
        if (!seen.add(eventId)) {
            duplicates.incrementAndGet();
            answer(exchange, 200, "already had it");
            return;
        }
        accepted.add(new Received(eventId, exchange.getRequestHeaders().getFirst("X-Vigie-Event"), signature,
                exchange.getRequestHeaders().getFirst("Content-Type"), exchange.getRequestHeaders().getFirst("User-Agent"), body));
        answer(exchange, 200, "thanks");
    }

    private static void answer(HttpExchange exchange, int status, String text) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            } catch (IOException clientWentAway) {
                // the sender stops reading after 4 KB: expected for /big
            }
        }
        exchange.close();
    }

    @Override
    public void close() {
        release.countDown();
        server.stop(0);
        threads.shutdownNow();
    }
}

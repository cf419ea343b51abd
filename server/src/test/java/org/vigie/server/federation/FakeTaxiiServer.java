package org.vigie.server.federation;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A small TAXII 2.1 server for client tests: one API root, one collection, objects served in order
 * of the date they were added, {@code limit}, {@code added_after} and {@code next} (an offset), the
 * date-added headers, Bearer authentication. It can be told to fail a page.
 */
final class FakeTaxiiServer implements AutoCloseable {

    static final String COLLECTION = "91a7b528-80eb-42ed-a74d-c6fbd5a26116";
    private static final ObjectMapper JSON = new ObjectMapper();

    record Added(Instant dateAdded, Map<String, Object> object) {
    }

    /** A request as the server saw it. */
    record Seen(String path, Map<String, String> query, String authorization, String accept) {
    }

    private final HttpServer server;
    private final String token;
    private final List<Added> objects = new CopyOnWriteArrayList<>();
    final List<Seen> requests = new CopyOnWriteArrayList<>();
    /** Pages (0-based, counted over the server's life) answered with a broken envelope. */
    final java.util.Set<Integer> brokenPages = java.util.concurrent.ConcurrentHashMap.newKeySet();
    /** Whether to give {@code next} tokens (else clients must page by added_after). */
    volatile boolean giveNext = true;
    /** How long each objects page takes, to let a test act during a sync. */
    volatile long pageDelayMillis;
    private final java.util.concurrent.atomic.AtomicInteger pagesServed = new java.util.concurrent.atomic.AtomicInteger();

    FakeTaxiiServer(String token) throws IOException {
        this.token = token;
        this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    String base() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    String discoveryUrl() {
        return base() + "/taxii2/";
    }

    String apiRoot() {
        return base() + "/api1/";
    }

    void add(Instant dateAdded, Map<String, Object> object) {
        objects.add(new Added(dateAdded, object));
    }

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
        requests.add(new Seen(path, query, exchange.getRequestHeaders().getFirst("Authorization"),
                exchange.getRequestHeaders().getFirst("Accept")));
        if (!("Bearer " + token).equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
            send(exchange, 401, Map.of("title", "Unauthorized"), Map.of());
            return;
        }
        if (path.equals("/taxii2/")) {
            send(exchange, 200, Map.of("title", "Fake hub", "api_roots", List.of(apiRoot())), Map.of());
        } else if (path.equals("/api1/")) {
            send(exchange, 200, Map.of("title", "Fake root", "versions", List.of("application/taxii+json;version=2.1"),
                    "max_content_length", 10_000_000), Map.of());
        } else if (path.equals("/api1/collections/" + COLLECTION + "/")) {
            send(exchange, 200, Map.of("id", COLLECTION, "title", "Fake collection", "can_read", true, "can_write", false), Map.of());
        } else if (path.equals("/api1/collections/" + COLLECTION + "/objects/")) {
            objects(exchange, query);
        } else {
            send(exchange, 404, Map.of("title", "Not found"), Map.of());
        }
    }

    private void objects(HttpExchange exchange, Map<String, String> query) throws IOException {
        int page = pagesServed.getAndIncrement();
        if (pageDelayMillis > 0) {
            try {
                Thread.sleep(pageDelayMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (brokenPages.contains(page)) {
            byte[] body = "{\"objects\": {\"not\": \"an array\"}}".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/taxii+json;version=2.1");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
            return;
        }
        Instant after = query.containsKey("added_after") ? Instant.parse(query.get("added_after")) : Instant.MIN;
        List<Added> matching = objects.stream().filter(o -> o.dateAdded().isAfter(after))
                .sorted(java.util.Comparator.comparing(Added::dateAdded)).toList();
        int limit = Integer.parseInt(query.getOrDefault("limit", "100"));
        int offset = query.containsKey("next") ? Integer.parseInt(query.get("next")) : 0;
        List<Added> shown = matching.subList(Math.min(offset, matching.size()), Math.min(offset + limit, matching.size()));
        boolean more = offset + limit < matching.size();
        Map<String, Object> envelope = new LinkedHashMap<>();
        envelope.put("more", more);
        if (more && giveNext) {
            envelope.put("next", String.valueOf(offset + limit));
        }
        if (!shown.isEmpty()) {
            envelope.put("objects", shown.stream().map(Added::object).toList());
        }
        Map<String, String> headers = new HashMap<>();
        if (!shown.isEmpty()) {
            headers.put("X-TAXII-Date-Added-First", shown.get(0).dateAdded().toString());
            headers.put("X-TAXII-Date-Added-Last", shown.get(shown.size() - 1).dateAdded().toString());
        }
        send(exchange, 200, envelope, headers);
    }

    private static void send(HttpExchange exchange, int status, Object body, Map<String, String> headers) throws IOException {
        byte[] bytes = JSON.writeValueAsBytes(body);
        exchange.getResponseHeaders().set("Content-Type", "application/taxii+json;version=2.1");
        headers.forEach((k, v) -> exchange.getResponseHeaders().set(k, v));
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> query = new HashMap<>();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                int eq = pair.indexOf('=');
                query.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return query;
    }

    List<Seen> objectRequests() {
        return new ArrayList<>(requests.stream().filter(r -> r.path().endsWith("/objects/")).toList());
    }

    @Override
    public void close() {
        server.stop(0);
    }
}

package org.vigie.server.alerts.webhooks;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import org.vigie.core.alerts.webhooks.WebhookHostUnresolved;
import org.vigie.core.alerts.webhooks.WebhookSignature;
import org.vigie.core.alerts.webhooks.WebhookTargetRefused;

/**
 * Makes one webhook delivery attempt and says what became of it; it never throws for anything the
 * receiver does. Retrying, counting attempts and the dead-letter list are the outbox worker's job
 * (with {@link org.vigie.core.alerts.webhooks.RetryPolicy}); running many attempts side by side
 * without a slow receiver holding up the others is {@link WebhookDispatcher}'s.
 *
 * <p>Each attempt: SSRF re-check of the host ({@link WebhookTargetGuard#checkBeforeDelivery}), then a
 * POST of the stored bytes with {@code Content-Type: application/json}, {@code X-Vigie-Event},
 * {@code X-Vigie-Delivery} (the idempotency key), {@code X-Vigie-Signature-256} and
 * {@code User-Agent: Vigie-Hookshot/<version>}. Redirects are never followed: a redirect would send
 * the signed body to a URL nobody vetted (and could point inside). The whole attempt, body included,
 * is bounded by {@code request-timeout}; at most {@value #KEPT_RESPONSE_BYTES} bytes of the response
 * are read, then the connection's body is cancelled, so a receiver streaming an endless answer costs
 * nothing more.
 */
@Component
public class WebhookSender {

    public static final String EVENT_HEADER = "X-Vigie-Event";
    public static final String DELIVERY_HEADER = "X-Vigie-Delivery";
    public static final int KEPT_RESPONSE_BYTES = 4096;
    public static final String USER_AGENT = "Vigie-Hookshot/" + version();

    private final WebhookTargetGuard guard;
    private final HttpClient client;
    private final Duration requestTimeout;

    @Autowired
    public WebhookSender(WebhookTargetGuard guard, WebhookSettings settings) {
        this(guard, settings.connectTimeout(), settings.requestTimeout());
    }

    public WebhookSender(WebhookTargetGuard guard, Duration connectTimeout, Duration requestTimeout) {
        this.guard = guard;
        this.requestTimeout = requestTimeout;
        this.client = HttpClient.newBuilder()
                .connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .proxy(HttpClient.Builder.NO_PROXY)
                // HTTP/1.1: on http:// the JDK's default HTTP/2 would send an h2c
                // Upgrade that some receivers and proxies mishandle, for no gain on one small POST.
                .version(HttpClient.Version.HTTP_1_1)
                // the client's own steps (headers, a body of at most 4 KB) are short: run them where they
                // happen instead of handing each to another pool thread, which cost more CPU than the work
                .executor(Runnable::run)
                .build();
    }

    /** One attempt; blocks at most about {@code request-timeout}. */
    public Delivery send(WebhookMessage message) {
        long start = System.nanoTime();
        try {
            guard.checkBeforeDelivery(message.url());
        } catch (WebhookHostUnresolved dnsFailure) {
            // may be a passing DNS outage: retried per the policy, unlike a refused address
            return failure(dnsFailure.reason(), start);
        } catch (WebhookTargetRefused refused) {
            return new Delivery(Delivery.Outcome.REFUSED_TARGET, 0, refused.getMessage(), since(start), Optional.empty());
        }
        HttpRequest request = HttpRequest.newBuilder(message.url())
                .timeout(requestTimeout)
                .header("Content-Type", "application/json")
                .header("User-Agent", USER_AGENT)
                .header(EVENT_HEADER, message.eventType())
                .header(DELIVERY_HEADER, message.eventId())
                .header(WebhookSignature.HEADER, WebhookSignature.sign(message.secret(), message.body()))
                .POST(HttpRequest.BodyPublishers.ofByteArray(message.body()))
                .build();
        CompletableFuture<HttpResponse<byte[]>> pending =
                client.sendAsync(request, info -> new BoundedBody(KEPT_RESPONSE_BYTES));
        try {
            // HttpRequest.timeout only bounds the wait for the response headers; this bounds the body too.
            long left = Math.max(1, requestTimeout.toNanos() - (System.nanoTime() - start));
            HttpResponse<byte[]> response = pending.get(left, TimeUnit.NANOSECONDS);
            return classify(response, since(start));
        } catch (TimeoutException e) {
            pending.cancel(true);
            return failure("timed out after " + requestTimeout.toMillis() + " ms", start);
        } catch (InterruptedException e) {
            pending.cancel(true);
            Thread.currentThread().interrupt();
            return failure("interrupted (shutting down)", start);
        } catch (ExecutionException e) {
            return failure(describe(e.getCause()), start);
        }
    }

    static Delivery classify(HttpResponse<byte[]> response, Duration elapsed) {
        int status = response.statusCode();
        String excerpt = new String(response.body(), StandardCharsets.UTF_8);
        Delivery.Outcome outcome;
        if (status >= 200 && status < 300) {
            outcome = Delivery.Outcome.DELIVERED;
        } else if (status == 410) {
            outcome = Delivery.Outcome.GONE;
        } else if (status >= 500 || status == 408 || status == 429) {
            outcome = Delivery.Outcome.TRANSIENT;
        } else {
            outcome = Delivery.Outcome.REJECTED;
        }
        Optional<Duration> retryAfter = response.headers().firstValue("Retry-After").flatMap(WebhookSender::seconds);
        return new Delivery(outcome, status, excerpt, elapsed, retryAfter);
    }

    private static Optional<Duration> seconds(String value) {
        try {
            long s = Long.parseLong(value.trim());
            return s >= 0 ? Optional.of(Duration.ofSeconds(Math.min(s, 86_400))) : Optional.empty();
        } catch (NumberFormatException httpDate) {
            return Optional.empty();
        }
    }

    private static String describe(Throwable cause) {
        if (cause instanceof HttpConnectTimeoutException) {
            return "connect timed out";
        }
        if (cause instanceof HttpTimeoutException) {
            return "timed out waiting for the response";
        }
        if (cause instanceof ConnectException) {
            return "connection refused";
        }
        if (cause instanceof IOException io) {
            return "I/O error: " + (io.getMessage() == null ? io.getClass().getSimpleName() : io.getMessage());
        }
        return cause.getClass().getSimpleName() + (cause.getMessage() == null ? "" : ": " + cause.getMessage());
    }

    private static Delivery failure(String why, long start) {
        return new Delivery(Delivery.Outcome.TRANSIENT, 0, why, since(start), Optional.empty());
    }

    private static Duration since(long start) {
        return Duration.ofNanos(System.nanoTime() - start);
    }

    private static String version() {
        String v = WebhookSender.class.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }

    /** Keeps the first {@code limit} bytes of a body and cancels the rest. */
    static final class BoundedBody implements HttpResponse.BodySubscriber<byte[]> {

        private final int limit;
        private final ByteArrayOutputStream kept = new ByteArrayOutputStream();
        private final CompletableFuture<byte[]> result = new CompletableFuture<>();
        private Flow.Subscription subscription;

        BoundedBody(int limit) {
            this.limit = limit;
        }

        @Override
        public CompletableFuture<byte[]> getBody() {
            return result;
        }

        @Override
        public void onSubscribe(Flow.Subscription subscription) {
            this.subscription = subscription;
            subscription.request(1);
        }

        @Override
        public void onNext(List<ByteBuffer> buffers) {
            for (ByteBuffer buffer : buffers) {
                int take = Math.min(buffer.remaining(), limit - kept.size());
                byte[] chunk = new byte[take];
                buffer.get(chunk);
                kept.write(chunk, 0, take);
                if (kept.size() >= limit) {
                    subscription.cancel();
                    result.complete(kept.toByteArray());
                    return;
                }
            }
            subscription.request(1);
        }

        @Override
        public void onError(Throwable error) {
            result.completeExceptionally(error);
        }

        @Override
        public void onComplete() {
            result.complete(kept.toByteArray());
        }
    }
}

package org.vigie.server.alerts.webhooks;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Runs delivery attempts side by side so that a failing or slow receiver never blocks the others.
 *
 * <p>Threading model: a fixed pool of {@code max-concurrent} threads; each attempt holds one thread
 * for at most {@code request-timeout}. Before an attempt starts it must get two permits without
 * waiting: one of {@code max-concurrent} (the pool never queues) and one of
 * {@code max-concurrent-per-host} for its receiver's host:port. When either is missing,
 * {@link #trySubmit} answers false at once and the outbox worker leaves that row for its next poll and
 * moves on to rows for other receivers. So a receiver that hangs holds at most
 * {@code max-concurrent-per-host} threads, each for at most {@code request-timeout}, and everything
 * addressed elsewhere keeps flowing; nothing ever waits in a queue behind it.
 */
@Component
public class WebhookDispatcher implements AutoCloseable {

    private final WebhookSender sender;
    private final int perHost;
    private final Semaphore global;
    private final ConcurrentMap<String, Semaphore> hosts = new ConcurrentHashMap<>();
    private final ExecutorService pool;

    @Autowired
    public WebhookDispatcher(WebhookSender sender, WebhookSettings settings) {
        this(sender, settings.maxConcurrent(), settings.maxConcurrentPerHost());
    }

    public WebhookDispatcher(WebhookSender sender, int maxConcurrent, int maxConcurrentPerHost) {
        this.sender = sender;
        this.perHost = maxConcurrentPerHost;
        this.global = new Semaphore(maxConcurrent);
        AtomicInteger n = new AtomicInteger();
        this.pool = Executors.newFixedThreadPool(maxConcurrent, r -> {
            Thread t = new Thread(r, "vigie-webhook-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * Starts the attempt if a thread and a slot for its receiver are free; {@code onDone} is called on
     * the delivery thread with the result (record it there: attempt count, next time or dead).
     *
     * @return false, at once, when the receiver or the pool is busy: try again on the next poll
     */
    public boolean trySubmit(WebhookMessage message, Consumer<Delivery> onDone) {
        Semaphore host = hosts.computeIfAbsent(message.receiverKey(), k -> new Semaphore(perHost));
        if (!host.tryAcquire()) {
            return false;
        }
        if (!global.tryAcquire()) {
            host.release();
            return false;
        }
        try {
            pool.execute(() -> {
                try {
                    onDone.accept(sender.send(message));
                } finally {
                    host.release();
                    global.release();
                }
            });
            return true;
        } catch (RuntimeException rejected) {
            host.release();
            global.release();
            return false;
        }
    }

    /** Attempts that could start now, all receivers together (the outbox worker claims no more webhook rows than this). */
    public int available() {
        return global.availablePermits();
    }

    /** Attempts running now (for progress and tests). */
    public int inFlight() {
        return hosts.values().stream().mapToInt(s -> perHost - s.availablePermits()).sum();
    }

    @Override
    public void close() throws InterruptedException {
        pool.shutdownNow();
        pool.awaitTermination(5, TimeUnit.SECONDS);
    }
}

package org.vigie.server.alerts;

import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Runs the delivery worker on its own thread: a round as soon as a commit queued notifications or a
 * delivery slot freed up ({@link DeliveryNudge}), and at the latest every {@code vigie.alerts.tick}
 * (2 s) for what became due by the clock (back-off, digests) or was queued by another process.
 * Switched off with {@code vigie.alerts.scheduled=false}: tests drive the worker by hand with a
 * controlled clock.
 */
@Component
@ConditionalOnProperty(name = "vigie.alerts.scheduled", havingValue = "true", matchIfMissing = true)
class DeliverySchedule implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(DeliverySchedule.class);

    private final DeliveryWorker worker;
    private final DeliveryNudge nudge;
    private final Duration tick;
    private volatile Thread loop;

    DeliverySchedule(DeliveryWorker worker, DeliveryNudge nudge, @Value("${vigie.alerts.tick:2s}") Duration tick) {
        this.worker = worker;
        this.nudge = nudge;
        this.tick = tick;
    }

    @Override
    public void start() {
        Thread thread = new Thread(this::run, "vigie-alerts-delivery");
        thread.setDaemon(true);
        loop = thread;
        thread.start();
    }

    private void run() {
        while (loop == Thread.currentThread()) {
            try {
                DeliveryWorker.Round round = worker.deliverDue();
                boolean again = round.claimed() > 0 && round.busy() == 0 && worker.moreWaiting();
                if (!again) {
                    nudge.await(tick);
                }
            } catch (InterruptedException stopping) {
                return;
            } catch (RuntimeException e) {
                log.warn("alert delivery round failed; next try in {}", tick, e);
                try {
                    nudge.await(tick);
                } catch (InterruptedException stopping) {
                    return;
                }
            }
        }
    }

    @Override
    public void stop() {
        Thread thread = loop;
        loop = null;
        if (thread != null) {
            thread.interrupt();
            try {
                thread.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return loop != null;
    }

    @Override
    public int getPhase() {
        // stops before the web server and the data source go away
        return Integer.MAX_VALUE - 100;
    }
}

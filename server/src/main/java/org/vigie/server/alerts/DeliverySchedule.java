package org.vigie.server.alerts;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Runs the delivery worker every {@code vigie.alerts.tick} (2 s). Switched off with
 * {@code vigie.alerts.scheduled=false}: tests drive the worker by hand with a controlled clock.
 */
@Component
@ConditionalOnProperty(name = "vigie.alerts.scheduled", havingValue = "true", matchIfMissing = true)
class DeliverySchedule {

    private final DeliveryWorker worker;

    DeliverySchedule(DeliveryWorker worker) {
        this.worker = worker;
    }

    @Scheduled(fixedDelayString = "${vigie.alerts.tick:2s}", initialDelayString = "${vigie.alerts.tick:2s}")
    void tick() {
        worker.deliverAllDue();
    }
}

package org.vigie.server.response;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Runs the escalation job every {@code vigie.response.escalation-tick} (15 s: a deadline is kept to
 * within that). Switched off with the alerts' {@code vigie.alerts.scheduled=false}, as the delivery
 * worker is: tests run both by hand with the controllable clock.
 */
@Component
@ConditionalOnProperty(name = "vigie.alerts.scheduled", havingValue = "true", matchIfMissing = true)
class EscalationSchedule {

    private final Escalations escalations;

    EscalationSchedule(Escalations escalations) {
        this.escalations = escalations;
    }

    @Scheduled(fixedDelayString = "${vigie.response.escalation-tick:15s}", initialDelayString = "${vigie.response.escalation-tick:15s}")
    void tick() {
        escalations.runDue();
    }
}

package org.vigie.server.statements;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Runs the publication job every {@code vigie.statements.tick} (30 s: notices and publication happen
 * within that of their time). Switched off with {@code vigie.alerts.scheduled=false}, like the alerts
 * worker whose outbox the notices use: tests run it by hand with the controllable clock.
 */
@Component
@ConditionalOnProperty(name = "vigie.alerts.scheduled", havingValue = "true", matchIfMissing = true)
class PublicationSchedule {

    private final Publication publication;

    PublicationSchedule(Publication publication) {
        this.publication = publication;
    }

    @Scheduled(fixedDelayString = "${vigie.statements.tick:30s}", initialDelayString = "${vigie.statements.tick:30s}")
    void tick() {
        publication.runDue();
    }
}

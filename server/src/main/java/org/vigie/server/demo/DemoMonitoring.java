package org.vigie.server.demo;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.vigie.core.accounts.Member;
import org.vigie.server.monitoring.MonitoringRun;
import org.vigie.server.monitoring.MonitoringRuns;

/**
 * One detection run of the demo: the German 2021 election dataset shipped with Vigie, owned by the
 * electoral commission at TLP:AMBER, with the default settings. It runs on the monitoring pool like any
 * run, so the demo starts at once and the run finishes a few seconds later.
 */
@Component
class DemoMonitoring {

    static final String DATASET = "german-elections-2021";
    private static final Logger log = LoggerFactory.getLogger(DemoMonitoring.class);

    private final MonitoringRuns runs;

    DemoMonitoring(MonitoringRuns runs) {
        this.runs = runs;
    }

    /** Starts the demo run unless one has succeeded already (a run cut short by a stop is started again). */
    void seed(Member commission) {
        boolean done = runs.recent(commission, 200).stream().anyMatch(r -> r.source() == MonitoringRun.Source.BUNDLED
                && r.sourceName().equals(DATASET) && r.state() == MonitoringRun.State.SUCCEEDED);
        if (done) {
            return;
        }
        MonitoringRun run = runs.startBundled(commission, DATASET, MonitoringRuns.choices(null, List.of(), null, null, "AMBER"));
        log.info("Demo monitoring run {} started on the {} dataset", run.id(), DATASET);
    }
}

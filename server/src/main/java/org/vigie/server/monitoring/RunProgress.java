package org.vigie.server.monitoring;

import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.vigie.detect.pipeline.DetectionProgress;
import org.vigie.detect.pipeline.Stage;

/**
 * A run's progress as the detection reports it: kept in memory for the pages that poll, and written to the
 * job row at most every {@link #WRITE_EVERY_NANOS}, so that a run reporting thousands of steps a second
 * costs a handful of updates. While reading, the bytes read of the input say how far it is (the number of
 * rows is not known ahead).
 */
final class RunProgress implements DetectionProgress {

    static final long WRITE_EVERY_NANOS = 250_000_000L;

    private final long bytesTotal;
    private final AtomicLong bytesRead;
    private final Consumer<MonitoringRun.Progress> writer;
    private volatile MonitoringRun.Progress current = MonitoringRun.Progress.NONE;
    private long lastWrite;

    RunProgress(long bytesTotal, AtomicLong bytesRead, Consumer<MonitoringRun.Progress> writer) {
        this.bytesTotal = bytesTotal;
        this.bytesRead = bytesRead;
        this.writer = writer;
    }

    MonitoringRun.Progress current() {
        return current;
    }

    @Override
    public void started(Stage stage, long total) {
        update(stage, 0, total, true);
    }

    @Override
    public void advanced(Stage stage, long done) {
        update(stage, done, current.total(), false);
    }

    @Override
    public void finished(Stage stage, long items, long nanos) {
        update(stage, items, items, true);
    }

    private void update(Stage stage, long done, long total, boolean always) {
        MonitoringRun.Progress next = stage == Stage.READ && bytesTotal > 0
                ? new MonitoringRun.Progress(stage.name(), Math.min(bytesRead.get(), bytesTotal), bytesTotal)
                : new MonitoringRun.Progress(stage.name(), done, stage.name().equals(current.stage()) || always ? total : -1);
        current = next;
        long now = System.nanoTime();
        if (always || now - lastWrite >= WRITE_EVERY_NANOS) {
            lastWrite = now;
            writer.accept(next);
        }
    }
}

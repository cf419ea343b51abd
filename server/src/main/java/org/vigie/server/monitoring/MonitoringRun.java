package org.vigie.server.monitoring;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.vigie.core.sharing.Distribution;
import org.vigie.core.sharing.Sharing;
import org.vigie.core.sharing.Tlp;

/**
 * A detection run as its readers see it: whose it is and how it is shared, what it read with which
 * settings, where it stands and, once finished, what it counted. What it found is read apart
 * ({@link MonitoringRuns#groups}, {@link MonitoringRuns#network}).
 *
 * @param rowErrors the first bad rows of the input, with their line numbers
 * @param summary   null until the run has succeeded
 */
public record MonitoringRun(UUID id, UUID ownerOrganisation, UUID accountId, Tlp tlp, Distribution distribution, Source source,
                            String sourceName, String format, String formatRead, RunSettings settings, State state, Progress progress,
                            long bytesTotal, boolean cancelRequested, String error, List<RowProblem> rowErrors, RunSummary summary,
                            boolean edgesTruncated, Instant createdAt, Instant startedAt, Instant finishedAt) {

    public MonitoringRun {
        rowErrors = rowErrors == null ? List.of() : List.copyOf(rowErrors);
        distribution = distribution == null ? Distribution.NONE : distribution;
    }

    public enum Source {
        /** a file sent by the analyst, spooled to the data directory and deleted after the run */
        UPLOAD,
        /** a file of {@code vigie.monitoring.datasets-dir} */
        SERVER_FILE,
        /** a dataset shipped with Vigie ({@code org.vigie.detect.datasets.Datasets}) */
        BUNDLED
    }

    public enum State {
        /** waiting for a place on the pool */
        QUEUED,
        RUNNING,
        /** finished: its groups, accounts and edges are stored */
        SUCCEEDED,
        /** the input could not be read (missing columns, too many bad rows) or the run broke: nothing stored */
        FAILED,
        /** cancelled by its owner: nothing stored */
        CANCELLED;

        public boolean finished() {
            return this == SUCCEEDED || this == FAILED || this == CANCELLED;
        }
    }

    /**
     * Where a running job is: the stage ({@code org.vigie.detect.pipeline.Stage} name, null while queued),
     * items done and the stage's total (-1 when unknown, as while reading a stream).
     */
    public record Progress(String stage, long done, long total) {

        static final Progress NONE = new Progress(null, 0, -1);

        /** Percent of the stage done, or -1 when its total is unknown. */
        public int percent() {
            return total > 0 ? (int) Math.min(100, done * 100 / total) : -1;
        }
    }

    /** A row of the input that could not be read: its physical line (the header is line 1) and why. */
    public record RowProblem(long line, String reason) {
    }

    public Sharing sharing() {
        return new Sharing(ownerOrganisation, tlp, null, distribution);
    }

    MonitoringRun withState(State newState, String newError, List<RowProblem> newRowErrors, RunSummary newSummary, boolean truncated,
                            String newFormatRead, Instant finished) {
        return new MonitoringRun(id, ownerOrganisation, accountId, tlp, distribution, source, sourceName, format, newFormatRead, settings,
                newState, progress, bytesTotal, cancelRequested, newError, newRowErrors, newSummary, truncated, createdAt, startedAt,
                finished);
    }

    MonitoringRun withLive(Progress live, boolean cancelling) {
        return new MonitoringRun(id, ownerOrganisation, accountId, tlp, distribution, source, sourceName, format, formatRead, settings,
                state, live, bytesTotal, cancelling, error, rowErrors, summary, edgesTruncated, createdAt, startedAt, finishedAt);
    }
}

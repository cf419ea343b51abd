package org.vigie.server.imports;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.vigie.server.knowledge.StoreOutcome;

/**
 * An import as its organisation sees it: what was imported with which sharing, where it stands,
 * and how its objects came out. {@code problems} holds the first {@link StixImport#MAX_LISTED}
 * rejected objects; the full per-object report is downloaded from the job.
 */
public record ImportJob(UUID id, String format, UUID organisationId, UUID accountId, String fileName, Sharing sharing, boolean partial,
                        State state, boolean committed, Counts counts, String error, List<RejectedObject> problems,
                        Instant createdAt, Instant finishedAt) {

    public enum State {
        /** reading, validating, writing */
        RUNNING,
        /** committed: every valid object is stored (all of them unless partial) */
        SUCCEEDED,
        /** objects failed validation and the import was all or nothing: nothing stored */
        REJECTED,
        /** the file could not be read as a bundle (not JSON, not a bundle) or the import broke: nothing stored */
        FAILED,
        /** cancelled by the importer: rolled back, nothing stored */
        CANCELLED;

        boolean finished() {
            return this != RUNNING;
        }
    }

    /** The sharing chosen for the import (TLP and PAP for objects that carry none; the distribution for all). */
    public record Sharing(String tlp, String pap, List<UUID> communities, List<UUID> organisations, List<UUID> users) {
    }

    public record Counts(long bytesTotal, long bytesRead, long objectsRead, long objectsValidated, long objectsWritten, long stored,
                         long newVersions, long unchanged, long rejected, long reports) {

        static final Counts NONE = new Counts(0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
    }

    /** A rejected object: its place in the bundle, its id, and what is wrong (JSON pointer into the bundle, message). */
    public record RejectedObject(long index, String id, String modified, List<StoreOutcome.Problem> problems) {
    }

    ImportJob with(State newState, boolean newCommitted, Counts newCounts, String newError, List<RejectedObject> newProblems,
                   Instant finished) {
        return new ImportJob(id, format, organisationId, accountId, fileName, sharing, partial, newState, newCommitted, newCounts,
                newError, newProblems, createdAt, finished);
    }

    ImportJob withCounts(Counts live) {
        return new ImportJob(id, format, organisationId, accountId, fileName, sharing, partial, state, committed, live, error, problems,
                createdAt, finishedAt);
    }
}

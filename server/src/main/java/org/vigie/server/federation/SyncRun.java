package org.vigie.server.federation;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** One pull (or push) of one peer: when, what came, what was stored, and what stopped it if anything. */
public record SyncRun(UUID id, UUID peerId, Direction direction, Trigger trigger, State state, Instant startedAt,
                      Instant finishedAt, int pages, int received, int stored, int unchanged, int skipped, int rejected,
                      List<Rejection> rejections, String error, String cursorBefore, String cursorAfter) {

    public enum Direction { PULL, PUSH }

    public enum Trigger { SCHEDULE, MANUAL }

    public enum State { RUNNING, SUCCEEDED, FAILED, CANCELLED }

    /** An object the run did not store because it is not valid (or not the peer's to change), and why. */
    public record Rejection(String id, String reason) {
    }
}

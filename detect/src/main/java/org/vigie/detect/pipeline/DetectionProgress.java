package org.vigie.detect.pipeline;

/**
 * Receives a run's progress. Calls come from the thread running the detection; implementations must be cheap
 * (a terminal bar, a job row updated at most every few hundred milliseconds).
 */
public interface DetectionProgress {
    DetectionProgress NONE = new DetectionProgress() {
    };

    /** A stage begins; {@code total} is the number of items it will process, or -1 when unknown. */
    default void started(Stage stage, long total) {
    }

    /** {@code done} items of the stage are processed (monotonic within a stage). */
    default void advanced(Stage stage, long done) {
    }

    /** The stage ended after {@code items} items in {@code nanos}. */
    default void finished(Stage stage, long items, long nanos) {
    }
}

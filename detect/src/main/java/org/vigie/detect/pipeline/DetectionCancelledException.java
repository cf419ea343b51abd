package org.vigie.detect.pipeline;

/** Thrown out of a run whose cancellation was requested; nothing of a cancelled run is kept. */
public final class DetectionCancelledException extends RuntimeException {
    public DetectionCancelledException(Stage stage) {
        super("detection cancelled during " + stage.label());
    }
}

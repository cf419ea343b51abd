package org.vigie.detect.pipeline;

/** How long one stage took and how many items it processed (posts, traces, pairs, edges: see {@link Stage}). */
public record StageTiming(Stage stage, long items, long nanos) {
    public double itemsPerSecond() {
        return nanos == 0 ? 0 : items * 1e9 / nanos;
    }

    public double seconds() {
        return nanos / 1e9;
    }
}

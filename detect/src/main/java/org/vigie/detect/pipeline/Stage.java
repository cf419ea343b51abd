package org.vigie.detect.pipeline;

/** The stages of a detection run, in the order they run; progress and timings are reported per stage. */
public enum Stage {
    READ("read and extract"),
    NEAR_DUPLICATES("near-duplicate texts"),
    WINDOW("window"),
    PAIR("pair and build network"),
    GROUPS("groups"),
    WRITE("write");

    private final String label;

    Stage(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}

package org.vigie.core.taxonomy;

import java.util.Arrays;
import java.util.List;

/** The three stages of an election, in the order they happen. */
public enum ElectionStage {
    PRE_ELECTORAL,
    ELECTORAL,
    POST_ELECTORAL;

    /** The phases of the electoral cycle in this stage, in the order they happen. */
    public List<CyclePhase> phases() {
        return Arrays.stream(CyclePhase.values()).filter(phase -> phase.stage() == this).toList();
    }
}

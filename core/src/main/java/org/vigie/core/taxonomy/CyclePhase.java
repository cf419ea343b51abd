package org.vigie.core.taxonomy;

/** The phases of the electoral cycle, in the order they happen, each within its stage. */
public enum CyclePhase {
    LEGAL_FRAMEWORK(ElectionStage.PRE_ELECTORAL),
    PLANNING(ElectionStage.PRE_ELECTORAL),
    TRAINING(ElectionStage.PRE_ELECTORAL),
    VOTER_REGISTRATION(ElectionStage.PRE_ELECTORAL),
    CANDIDATE_REGISTRATION(ElectionStage.PRE_ELECTORAL),
    CAMPAIGN(ElectionStage.PRE_ELECTORAL),
    VOTING(ElectionStage.ELECTORAL),
    COUNTING(ElectionStage.ELECTORAL),
    RESULTS(ElectionStage.ELECTORAL),
    DISPUTES(ElectionStage.POST_ELECTORAL),
    AUDITS(ElectionStage.POST_ELECTORAL),
    ARCHIVING(ElectionStage.POST_ELECTORAL);

    private final ElectionStage stage;

    CyclePhase(ElectionStage stage) {
        this.stage = stage;
    }

    public ElectionStage stage() {
        return stage;
    }
}

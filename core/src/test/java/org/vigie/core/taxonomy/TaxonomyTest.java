package org.vigie.core.taxonomy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class TaxonomyTest {

    @Test
    void theStagesFollowEachOther() {
        assertThat(ElectionStage.values()).containsExactly(
                ElectionStage.PRE_ELECTORAL, ElectionStage.ELECTORAL, ElectionStage.POST_ELECTORAL);
    }

    @Test
    void eachStageHoldsItsPhasesInTheOrderTheyHappen() {
        assertThat(ElectionStage.PRE_ELECTORAL.phases()).containsExactly(CyclePhase.LEGAL_FRAMEWORK, CyclePhase.PLANNING,
                CyclePhase.TRAINING, CyclePhase.VOTER_REGISTRATION, CyclePhase.CANDIDATE_REGISTRATION, CyclePhase.CAMPAIGN);
        assertThat(ElectionStage.ELECTORAL.phases()).containsExactly(CyclePhase.VOTING, CyclePhase.COUNTING, CyclePhase.RESULTS);
        assertThat(ElectionStage.POST_ELECTORAL.phases()).containsExactly(CyclePhase.DISPUTES, CyclePhase.AUDITS, CyclePhase.ARCHIVING);
    }

    @Test
    void everyPhaseBelongsToExactlyOneStage() {
        List<CyclePhase> fromStages = Arrays.stream(ElectionStage.values()).flatMap(stage -> stage.phases().stream()).toList();

        assertThat(fromStages).containsExactly(CyclePhase.values());
        assertThat(CyclePhase.CAMPAIGN.stage()).isEqualTo(ElectionStage.PRE_ELECTORAL);
        assertThat(CyclePhase.COUNTING.stage()).isEqualTo(ElectionStage.ELECTORAL);
        assertThat(CyclePhase.AUDITS.stage()).isEqualTo(ElectionStage.POST_ELECTORAL);
    }

    @Test
    void theTargetCategoriesCoverThoseWhoRunAndTakePartInAnElection() {
        assertThat(TargetCategory.values()).containsExactly(TargetCategory.ELECTION_MANAGEMENT_BODY,
                TargetCategory.ELECTION_OFFICIAL, TargetCategory.CANDIDATE, TargetCategory.POLITICAL_PARTY, TargetCategory.MEDIA,
                TargetCategory.FACT_CHECKER, TargetCategory.CIVIL_SOCIETY_ORGANISATION, TargetCategory.GOVERNMENT_INSTITUTION,
                TargetCategory.VOTERS, TargetCategory.ELECTORAL_INFRASTRUCTURE);
    }

    @Test
    void theElectionTypesCoverTheNationalLocalAndEuropeanVotesAndReferendums() {
        assertThat(ElectionType.values()).containsExactly(ElectionType.PRESIDENTIAL, ElectionType.LEGISLATIVE,
                ElectionType.LOCAL, ElectionType.EUROPEAN, ElectionType.REFERENDUM);
    }
}

package org.vigie.server.publicsite;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.vigie.core.reports.IncidentType;
import org.vigie.core.taxonomy.CyclePhase;
import org.vigie.core.taxonomy.ElectionStage;

/** The public figures: every published case counted once per dimension, an unknown or missing class as unclassified. */
class PublicStatisticsTest {

    @Test
    void countsEachCaseOnceByTypeByPhaseAndByStage() {
        PublicStatistics stats = PublicStatistics.of(List.of(
                new PublishedStatements.Count("HACK_AND_LEAK", "CAMPAIGN", 2),
                new PublishedStatements.Count("hack-and-leak", "voting", 1),
                new PublishedStatements.Count("DDOS", null, 1),
                new PublishedStatements.Count("no-such-type", "NO_SUCH_PHASE", 1)));

        assertThat(stats.total()).isEqualTo(5);
        assertThat(bucket(stats.byType(), "hack-and-leak")).isEqualTo(3);
        assertThat(bucket(stats.byType(), "ddos")).isEqualTo(1);
        assertThat(bucket(stats.byType(), PublicStatistics.UNCLASSIFIED)).isEqualTo(1);
        assertThat(bucket(stats.byPhase(), "campaign")).isEqualTo(2);
        assertThat(bucket(stats.byPhase(), "voting")).isEqualTo(1);
        assertThat(bucket(stats.byPhase(), PublicStatistics.UNCLASSIFIED)).isEqualTo(2);
        assertThat(stats.byType().stream().mapToLong(PublicStatistics.Bucket::count).sum()).isEqualTo(5);
        assertThat(stats.byPhase().stream().mapToLong(PublicStatistics.Bucket::count).sum()).isEqualTo(5);

        long[][] stages = stats.byStageAndType();
        assertThat(stages[ElectionStage.PRE_ELECTORAL.ordinal()][IncidentType.HACK_AND_LEAK.ordinal()]).isEqualTo(2);
        assertThat(stages[ElectionStage.ELECTORAL.ordinal()][IncidentType.HACK_AND_LEAK.ordinal()]).isEqualTo(1);
        assertThat(stages[ElectionStage.values().length][IncidentType.DDOS.ordinal()]).as("no phase: unclassified stage").isEqualTo(1);
        assertThat(stages[ElectionStage.values().length][IncidentType.values().length]).isEqualTo(1);
    }

    @Test
    void everyTypeAndPhaseIsListedInTheVocabularysOrderWithZeros() {
        PublicStatistics empty = PublicStatistics.of(List.of());

        assertThat(empty.total()).isZero();
        assertThat(empty.byType()).hasSize(IncidentType.values().length + 1);
        assertThat(empty.byType().get(0).key()).isEqualTo("phishing");
        assertThat(empty.byPhase()).extracting(PublicStatistics.Bucket::key).startsWith("legal-framework", "planning")
                .endsWith("archiving", PublicStatistics.UNCLASSIFIED).hasSize(CyclePhase.values().length + 1);
        assertThat(empty.byPhase()).allMatch(b -> b.count() == 0);
    }

    @Test
    void anExcerptCutsAtAWordAndDropsMarkdown() {
        assertThat(PublicPagesController.excerpt("A **fake** site\n\ngives the wrong stations.", 200)).isEqualTo("A fake site gives the wrong stations.");
        assertThat(PublicPagesController.excerpt("one two three four five six", 14)).isEqualTo("one two three…");
    }

    private static long bucket(List<PublicStatistics.Bucket> buckets, String key) {
        return buckets.stream().filter(b -> b.key().equals(key)).findFirst().orElseThrow().count();
    }
}

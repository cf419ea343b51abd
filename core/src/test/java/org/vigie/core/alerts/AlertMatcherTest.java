package org.vigie.core.alerts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.vigie.core.observables.InvalidObservableException;
import org.vigie.core.observables.Observable;
import org.vigie.core.observables.ObservableNormaliser;
import org.vigie.core.observables.ObservableType;
import org.vigie.core.reports.IncidentType;
import org.vigie.core.taxonomy.CyclePhase;
import org.vigie.core.taxonomy.TargetCategory;

class AlertMatcherTest {

    private static final UUID ELECTION = UUID.randomUUID();
    private static final UUID MAIRIE = UUID.randomUUID();
    private static final UUID COMMUNITY = UUID.randomUUID();

    private static ReportFacts report(List<Observable> observables, String title, String summary) {
        return new ReportFacts("incident--1", ELECTION, CyclePhase.VOTING, Set.of(IncidentType.PHISHING),
                Set.of(TargetCategory.ELECTION_OFFICIAL), Set.of(MAIRIE), Set.of("T0085"), 70, Set.of(COMMUNITY),
                observables, title, summary);
    }

    private static ReportFacts phishing() {
        return report(List.of(ObservableNormaliser.normalise(ObservableType.URL, "hxxps://Vote.Example[.]fr/login?utm_source=x")),
                "Faux portail de vote", "Des assesseurs reçoivent un lien vers un faux portail.");
    }

    private static AlertFilter filter(UUID election, Set<CyclePhase> phases, Set<IncidentType> types, Integer minConfidence,
                                      List<WatchItem> watch) {
        return new AlertFilter(election, phases, types, null, null, null, minConfidence, null, watch);
    }

    @Test
    void anEmptyFilterMatchesEveryReport() {
        assertThat(AlertMatcher.matches(AlertFilter.everything(), phishing())).isTrue();
        assertThat(AlertMatcher.matches(AlertFilter.everything(),
                new ReportFacts("incident--2", null, null, null, null, null, null, null, null, null, null, null))).isTrue();
    }

    @Test
    void everyGivenCriterionMustHoldAndOneValueWithinACriterionIsEnough() {
        assertThat(AlertMatcher.matches(filter(ELECTION, Set.of(CyclePhase.VOTING, CyclePhase.COUNTING),
                Set.of(IncidentType.PHISHING, IncidentType.DDOS), 50, null), phishing())).isTrue();
        assertThat(AlertMatcher.matches(filter(UUID.randomUUID(), null, null, null, null), phishing()))
                .as("another election").isFalse();
        assertThat(AlertMatcher.matches(filter(null, Set.of(CyclePhase.CAMPAIGN), null, null, null), phishing()))
                .as("another phase").isFalse();
        assertThat(AlertMatcher.matches(filter(null, null, Set.of(IncidentType.DDOS), null, null), phishing()))
                .as("another type").isFalse();
    }

    @Test
    void targetsTechniquesAndCommunitiesNarrowTheMatch() {
        ReportFacts report = phishing();
        assertThat(AlertMatcher.matches(new AlertFilter(null, null, null, Set.of(TargetCategory.ELECTION_OFFICIAL),
                Set.of(MAIRIE), Set.of("T0085", "T0001"), null, Set.of(COMMUNITY), null), report)).isTrue();
        assertThat(AlertMatcher.matches(new AlertFilter(null, null, null, Set.of(TargetCategory.MEDIA),
                null, null, null, null, null), report)).as("another target category").isFalse();
        assertThat(AlertMatcher.matches(new AlertFilter(null, null, null, null,
                Set.of(UUID.randomUUID()), null, null, null, null), report)).as("another named target").isFalse();
        assertThat(AlertMatcher.matches(new AlertFilter(null, null, null, null,
                null, Set.of("T0001"), null, null, null), report)).as("another technique").isFalse();
        assertThat(AlertMatcher.matches(new AlertFilter(null, null, null, null,
                null, null, null, Set.of(UUID.randomUUID()), null), report)).as("another community").isFalse();
    }

    @Test
    void aMinimumConfidenceIsNotMetByAReportWithoutConfidence() {
        assertThat(AlertMatcher.matches(filter(null, null, null, 70, null), phishing())).isTrue();
        assertThat(AlertMatcher.matches(filter(null, null, null, 71, null), phishing())).isFalse();
        ReportFacts unsure = new ReportFacts("incident--3", null, null, null, null, null, null, null, null, null, "t", "");
        assertThat(AlertMatcher.matches(filter(null, null, null, 0, null), unsure)).isFalse();
        assertThatThrownBy(() -> filter(null, null, null, 101, null)).hasMessageContaining("between 0 and 100");
    }

    @Test
    void aWatchedDomainCatchesItsSubdomainsUrlsAndAddressesWhateverTheWayTheyWereWritten() {
        WatchItem ours = WatchItem.observable(ObservableType.DOMAIN, "Example.FR.");
        AlertMatch match = AlertMatcher.match(filter(null, null, null, null, List.of(ours)), phishing());
        assertThat(match.matches()).isTrue();
        assertThat(match.watchHits()).containsExactly(ours);

        ReportFacts mail = report(List.of(ObservableNormaliser.normalise(ObservableType.EMAIL, "Press@Example.fr")), "t", "");
        assertThat(AlertMatcher.matches(filter(null, null, null, null, List.of(ours)), mail)).isTrue();

        ReportFacts lookAlike = report(List.of(ObservableNormaliser.normalise(ObservableType.DOMAIN, "notexample.fr")), "t", "");
        assertThat(AlertMatcher.matches(filter(null, null, null, null, List.of(ours)), lookAlike))
                .as("a different registrable domain that merely ends with the same letters").isFalse();
    }

    @Test
    void aWatchedSocialAccountMatchesOnItsNormalisedForm() {
        WatchItem candidate = WatchItem.observable(ObservableType.SOCIAL_ACCOUNT, "https://youtube.com/channel/UCabcdefghijklmnopqrstuV");
        ReportFacts report = report(List.of(ObservableNormaliser.normalise(ObservableType.SOCIAL_ACCOUNT,
                "https://www.youtube.com/channel/UCabcdefghijklmnopqrstuV")), "t", "");
        assertThat(AlertMatcher.matches(filter(null, null, null, null, List.of(candidate)), report)).isTrue();
        assertThat(AlertMatcher.matches(filter(null, null, null, null,
                List.of(WatchItem.observable(ObservableType.SOCIAL_ACCOUNT, "https://www.youtube.com/channel/UCzzzzzzzzzzzzzzzzzzzzzz"))), report)).isFalse();
    }

    @Test
    void keywordsAreFoundInTitleAndSummaryAsWholeWordsIgnoringCaseAndAccents() {
        assertThat(AlertMatcher.matches(filter(null, null, null, null, List.of(WatchItem.keyword("PORTAIL"))), phishing())).isTrue();
        assertThat(AlertMatcher.matches(filter(null, null, null, null, List.of(WatchItem.keyword("recoivent"))), phishing()))
                .as("accents folded").isTrue();
        assertThat(AlertMatcher.matches(filter(null, null, null, null, List.of(WatchItem.keyword("port"))), phishing()))
                .as("a part of a word is not a keyword hit").isFalse();
        assertThatThrownBy(() -> WatchItem.keyword("  ")).hasMessageContaining("empty keyword");
    }

    @Test
    void aWatchListRequiresOneHitAndTheOtherCriteriaStillApply() {
        List<WatchItem> watch = List.of(WatchItem.keyword("urne"), WatchItem.observable(ObservableType.DOMAIN, "example.fr"));
        AlertMatch match = AlertMatcher.match(filter(null, null, null, null, watch), phishing());
        assertThat(match.watchHits()).extracting(WatchItem::kind).containsExactly("domain");
        assertThat(AlertMatcher.matches(filter(null, null, Set.of(IncidentType.DDOS), null, watch), phishing())).isFalse();
        assertThat(AlertMatcher.matches(filter(null, null, null, null, List.of(WatchItem.keyword("urne"))), phishing())).isFalse();
    }

    @Test
    void aWatchListValueThatIsNotAnObservableOfItsTypeIsRefusedWithTheReason() {
        assertThatThrownBy(() -> WatchItem.observable(ObservableType.IPV4, "999.1.1.1"))
                .isInstanceOf(InvalidObservableException.class);
    }
}

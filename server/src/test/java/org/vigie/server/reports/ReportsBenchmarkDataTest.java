package org.vigie.server.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.vigie.core.observables.ObservableType;

/** The benchmark's data: skewed as promised, and each shared value one value however it is entered. No database. */
class ReportsBenchmarkDataTest {

    private final ReportsBenchmarkData data = new ReportsBenchmarkData(3_000, 10, 11, 100);
    private final ObservableKeys keys = new ObservableKeys();

    @Test
    void everyWayOfEnteringASharedValueGivesItsKeys() {
        Random random = new Random(5);
        for (ReportsBenchmarkData.PoolValue value : data.pool) {
            Set<ObservableKeys.Key> canonical = Set.copyOf(keys.keysOf(ReportsBenchmarkData.observable(value.type(), value.canonical())));
            assertThat(canonical).as(value.canonical()).isNotEmpty();
            for (int n = 0; n < 30; n++) {
                ReportObservable entered = data.variant(random, value, n);
                List<ObservableKeys.Key> given = keys.keysOf(entered);
                if (value.common() && value.type() == ObservableType.DOMAIN && entered.type().equals("url")) {
                    // a page on a very common domain: the domain's key, and a URL of its own
                    assertThat(given).as(entered.value()).containsAll(canonical).hasSize(2);
                } else {
                    assertThat(Set.copyOf(given)).as(entered.value()).isEqualTo(canonical);
                }
            }
        }
    }

    @Test
    void mostValuesAreUniqueSomeClusteredAFewOverTheCap() {
        long pooled = 0;
        for (int i = 0; i < data.reports; i++) {
            pooled += data.poolValuesOf[i].length;
        }
        assertThat(pooled).isBetween(data.reports * 10L / 20, data.reports * 10L / 5); // 5 % to 20 % of observables shared
        assertThat(data.campaignSizes).allSatisfy(size -> assertThat(size).isBetween(2, 100));
        assertThat(data.campaignSizes.stream().filter(s -> s <= 5).count()).isGreaterThan(data.campaignSizes.size() / 2);
        assertThat(data.commonValues).hasSizeGreaterThanOrEqualTo(2);
        for (int common : data.commonValues) {
            long carriers = java.util.Arrays.stream(data.poolValuesOf).filter(v -> java.util.Arrays.stream(v).anyMatch(c -> c == common)).count();
            assertThat(carriers).as(data.pool.get(common).canonical()).isGreaterThan(data.cap);
        }
    }

    @Test
    void reportsHaveTheirObservablesAndFreshValuesAreFresh() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 50; i++) {
            ReportDraft draft = data.draft(i, UUID.randomUUID(), List.of(UUID.randomUUID()), Instant.parse("2027-01-01T00:00:00Z"));
            assertThat(draft.observables()).hasSize(10);
            assertThat(draft.observables()).extracting(ReportObservable::type).allSatisfy(t -> ObservableType.fromKey(t));
            draft.observables().forEach(o -> seen.add(o.type() + ":" + o.normalised()));
        }
        ReportDraft lookup = data.lookupDraft(0, 50, null);
        assertThat(lookup.observables()).hasSize(50);
        assertThat(data.lookupDraft(0, 50, null)).isEqualTo(lookup); // a seed replays the same lookups
    }
}

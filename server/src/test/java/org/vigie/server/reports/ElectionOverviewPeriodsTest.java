package org.vigie.server.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class ElectionOverviewPeriodsTest {

    @Test
    void theIntervalGrowsWithTheSpanOfTheEvents() {
        LocalDate start = LocalDate.of(2027, 1, 1);
        assertThat(ElectionOverviews.interval(start, start)).isEqualTo("day");
        assertThat(ElectionOverviews.interval(start, start.plusDays(61))).isEqualTo("day");
        assertThat(ElectionOverviews.interval(start, start.plusDays(62))).isEqualTo("week");
        assertThat(ElectionOverviews.interval(start, start.plusYears(3))).isEqualTo("month");
        assertThat(ElectionOverviews.interval(start, start.plusYears(12))).isEqualTo("year");
        assertThat(ElectionOverviews.interval(null, null)).isEqualTo("day");
    }

    @Test
    void daysAreSummedIntoWeeksFromMondayWithEmptyWeeksKept() {
        TreeMap<LocalDate, Map<String, Long>> days = new TreeMap<>();
        days.put(LocalDate.of(2027, 5, 5), Map.of("CAMPAIGN", 2L)); // a Wednesday
        days.put(LocalDate.of(2027, 5, 9), Map.of("CAMPAIGN", 1L, "VOTING", 1L)); // the Sunday of that week
        days.put(LocalDate.of(2027, 5, 24), Map.of("VOTING", 3L));

        List<ElectionOverviews.Period> weeks = ElectionOverviews.periods(days, days.firstKey(), days.lastKey(), "week");

        assertThat(weeks).extracting(ElectionOverviews.Period::start)
                .containsExactly(LocalDate.of(2027, 5, 3), LocalDate.of(2027, 5, 10), LocalDate.of(2027, 5, 17), LocalDate.of(2027, 5, 24));
        assertThat(weeks.get(0).counts()).isEqualTo(Map.of("CAMPAIGN", 3L, "VOTING", 1L));
        assertThat(weeks.get(1).counts()).isEmpty();
        assertThat(weeks.get(3).counts()).isEqualTo(Map.of("VOTING", 3L));
    }

    @Test
    void noDayGivesNoPeriod() {
        assertThat(ElectionOverviews.periods(new TreeMap<>(), null, null, "day")).isEmpty();
    }
}

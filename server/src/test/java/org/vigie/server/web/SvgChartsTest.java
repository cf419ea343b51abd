package org.vigie.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class SvgChartsTest {

    private static final SvgCharts.Series A = new SvgCharts.Series("A", "a", "series-0");
    private static final SvgCharts.Series B = new SvgCharts.Series("B", "b", "series-1");
    private static final SvgCharts.Series NONE = new SvgCharts.Series("C", "c", "series-2");

    @Test
    void stackedBarsStackFromTheAxisAndLeaveOutEmptySeries() {
        SvgCharts.BarChart chart = SvgCharts.stackedBars(List.of("d1", "d2"), List.of(A, B, NONE), new long[][] {{2, 1, 0}, {0, 0, 0}});

        assertThat(chart.series()).containsExactly(A, B);
        assertThat(chart.total()).isEqualTo(3);
        assertThat(chart.max()).isEqualTo(4);
        SvgCharts.Column first = chart.columns().get(0);
        assertThat(first.segments()).hasSize(2);
        assertThat(first.segments().get(0).y() + first.segments().get(0).height()).isEqualTo(chart.plot().bottom());
        assertThat(first.segments().get(1).y() + first.segments().get(1).height()).isCloseTo(first.segments().get(0).y(),
                org.assertj.core.data.Offset.offset(0.11));
        assertThat(first.values()).containsExactly(2L, 1L);
        assertThat(chart.columns().get(1).segments()).isEmpty();
        assertThat(chart.ticks()).extracting(SvgCharts.Tick::value).containsExactly(0L, 1L, 2L, 3L, 4L);
    }

    @Test
    void theScaleEndsOnARoundNumber() {
        assertThat(SvgCharts.niceCeiling(0)).isEqualTo(4);
        assertThat(SvgCharts.niceCeiling(7)).isEqualTo(8);
        assertThat(SvgCharts.niceCeiling(13)).isEqualTo(20);
        assertThat(SvgCharts.niceCeiling(41)).isEqualTo(50);
        assertThat(SvgCharts.niceCeiling(1200)).isEqualTo(2000);
    }

    @Test
    void sharesAddUpToTheWholeWidth() {
        SvgCharts.ShareBar bar = SvgCharts.shares(List.of(A, B), List.of(1L, 3L));

        assertThat(bar.parts()).extracting(SvgCharts.Part::percent).containsExactly(25L, 75L);
        assertThat(bar.parts().get(1).x() + bar.parts().get(1).width()).isEqualTo(bar.width());
        assertThat(SvgCharts.shares(List.of(A), List.of(0L)).empty()).isTrue();
    }

    @Test
    void marksAtTheSameTimeAreStackedNotHidden() {
        Instant at = Instant.parse("2027-05-03T08:00:00Z");
        SvgCharts.Timeline timeline = SvgCharts.timeline(List.of(new SvgCharts.MarkSpec("r1", "one", at, "mark-attempted", "k"),
                new SvgCharts.MarkSpec("r2", "two", at, "mark-successful", "k"),
                new SvgCharts.MarkSpec("r3", "three", at.plusSeconds(86_400 * 10), "mark-unknown", "k")));

        assertThat(timeline.marks()).hasSize(3);
        assertThat(timeline.marks().get(0).cx()).isEqualTo(timeline.marks().get(1).cx());
        assertThat(timeline.marks().get(0).cy()).isNotEqualTo(timeline.marks().get(1).cy());
        assertThat(timeline.marks().get(0).cx()).isEqualTo(timeline.left());
        assertThat(timeline.marks().get(2).cx()).isEqualTo(timeline.right());
        assertThat(SvgCharts.timeline(List.of()).empty()).isTrue();
    }
}

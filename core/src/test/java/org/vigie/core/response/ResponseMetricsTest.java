package org.vigie.core.response;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ResponseMetricsTest {

    private static final Instant T0 = Instant.parse("2027-06-13T03:00:00Z");

    private static Instant plus(long minutes) {
        return T0.plus(Duration.ofMinutes(minutes));
    }

    @Test
    void medianAndNinetiethPercentileInterpolateBetweenRanks() {
        List<Duration> minutes = List.of(Duration.ofMinutes(10), Duration.ofMinutes(1), Duration.ofMinutes(3), Duration.ofMinutes(2));
        assertThat(ResponseMetrics.percentile(minutes, 0.5)).isEqualTo(Duration.ofSeconds(150));
        // rank 0.9 × 3 = 2.7: 3 min + 0.7 × (10 − 3) min = 7.9 min
        assertThat(ResponseMetrics.percentile(minutes, 0.9)).isEqualTo(Duration.ofSeconds(474));
        assertThat(ResponseMetrics.percentile(List.of(Duration.ofMinutes(4)), 0.9)).isEqualTo(Duration.ofMinutes(4));
        assertThat(ResponseMetrics.percentile(List.of(), 0.5)).isNull();
    }

    @Test
    void aHandMadeCaseGivesTheFiguresPerOrganisation() {
        List<ResponseMetrics.Reach> reaches = List.of(
                new ResponseMetrics.Reach("office", T0, plus(5), plus(20)),
                new ResponseMetrics.Reach("office", T0, plus(15), null),
                new ResponseMetrics.Reach("office", T0, null, plus(40)),
                new ResponseMetrics.Reach("cell", plus(30), plus(31), plus(32)),
                new ResponseMetrics.Reach("cell", plus(30), null, null));
        Map<Object, ResponseMetrics.Figures> figures = ResponseMetrics.byGroup(reaches, ResponseMetrics.Reach::group);

        ResponseMetrics.Figures office = figures.get("office");
        assertThat(office.alerted()).isEqualTo(3);
        assertThat(office.acknowledged()).isEqualTo(2);
        assertThat(office.unacknowledged()).isEqualTo(1);
        assertThat(office.medianToAcknowledge()).isEqualTo(Duration.ofMinutes(10));
        assertThat(office.p90ToAcknowledge()).isEqualTo(Duration.ofMinutes(14));
        assertThat(office.acted()).isEqualTo(2);
        assertThat(office.medianToFirstAction()).isEqualTo(Duration.ofMinutes(30));
        assertThat(office.p90ToFirstAction()).isEqualTo(Duration.ofMinutes(38));

        ResponseMetrics.Figures cell = figures.get("cell");
        assertThat(cell.unacknowledged()).isEqualTo(1);
        assertThat(cell.medianToAcknowledge()).isEqualTo(Duration.ofMinutes(1));
        assertThat(cell.medianToFirstAction()).isEqualTo(Duration.ofMinutes(2));
        assertThat(figures.keySet()).containsExactly("office", "cell");
    }

    @Test
    void nothingMeasuredGivesNoDurations() {
        ResponseMetrics.Figures none = ResponseMetrics.figures(List.of(new ResponseMetrics.Reach("x", T0, null, null)));
        assertThat(none.unacknowledged()).isEqualTo(1);
        assertThat(none.medianToAcknowledge()).isNull();
        assertThat(none.p90ToFirstAction()).isNull();
    }
}

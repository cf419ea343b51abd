package org.vigie.core.response;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * Acknowledgement metrics. The unit is an organisation reached at one level of one board: it was
 * alerted when its first person was, it acknowledged when its first person did, and it acted when
 * its first person added, assigned or completed a task or wrote in the decision log (options chosen
 * and communications recorded are log entries too).
 *
 * <p>Percentiles interpolate linearly between the two nearest ranks (as PostgreSQL's
 * {@code percentile_cont} and spreadsheets' PERCENTILE do): the median of 1, 2, 3, 10 minutes is
 * 2.5 minutes, its 90th percentile 7.9 minutes.
 */
public final class ResponseMetrics {

    private ResponseMetrics() {
    }

    /**
     * One organisation reached at one level of one board.
     *
     * @param acknowledgedAt null while unacknowledged
     * @param firstActionAt  null while it has not acted on the board
     */
    public record Reach(Object group, Instant alertedAt, Instant acknowledgedAt, Instant firstActionAt) {

        public Reach {
            Objects.requireNonNull(alertedAt, "alertedAt");
        }
    }

    /** The figures of one group (an organisation, a protocol). Durations are null when nothing was measured. */
    public record Figures(int alerted, int acknowledged, int unacknowledged, Duration medianToAcknowledge,
                          Duration p90ToAcknowledge, int acted, Duration medianToFirstAction, Duration p90ToFirstAction) {
    }

    public static Figures figures(List<Reach> reaches) {
        List<Duration> toAck = new ArrayList<>();
        List<Duration> toAct = new ArrayList<>();
        for (Reach r : reaches) {
            if (r.acknowledgedAt() != null) {
                toAck.add(nonNegative(Duration.between(r.alertedAt(), r.acknowledgedAt())));
            }
            if (r.firstActionAt() != null) {
                toAct.add(nonNegative(Duration.between(r.alertedAt(), r.firstActionAt())));
            }
        }
        return new Figures(reaches.size(), toAck.size(), reaches.size() - toAck.size(), percentile(toAck, 0.5),
                percentile(toAck, 0.9), toAct.size(), percentile(toAct, 0.5), percentile(toAct, 0.9));
    }

    /** The figures per group, groups in the order first met. */
    public static <K> Map<K, Figures> byGroup(List<Reach> reaches, Function<Reach, K> key) {
        Map<K, List<Reach>> groups = new LinkedHashMap<>();
        for (Reach r : reaches) {
            groups.computeIfAbsent(key.apply(r), k -> new ArrayList<>()).add(r);
        }
        Map<K, Figures> figures = new LinkedHashMap<>();
        groups.forEach((k, v) -> figures.put(k, figures(v)));
        return figures;
    }

    /**
     * The {@code p}-quantile (0–1) with linear interpolation between closest ranks; null for no values.
     */
    public static Duration percentile(List<Duration> values, double p) {
        if (values.isEmpty()) {
            return null;
        }
        List<Duration> sorted = new ArrayList<>(values);
        sorted.sort(Comparator.naturalOrder());
        double rank = p * (sorted.size() - 1);
        int low = (int) Math.floor(rank);
        int high = (int) Math.ceil(rank);
        long lowNanos = sorted.get(low).toNanos();
        long highNanos = sorted.get(high).toNanos();
        return Duration.ofNanos(Math.round(lowNanos + (highNanos - lowNanos) * (rank - low)));
    }

    /** An acknowledgement or action before the alert (a clock step, an action before being alerted) counts as immediate. */
    private static Duration nonNegative(Duration d) {
        return d.isNegative() ? Duration.ZERO : d;
    }
}

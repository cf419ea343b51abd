package org.vigie.server.web;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The geometry of the small charts pages draw as inline SVG (templates/charts/svg.html): stacked
 * bars over time, a bar of shares, and a timeline of marks. Only numbers and keys here: the
 * templates write the SVG, with message keys for every word, {@code <title>}s and a data table for
 * readers who do not see the chart. Colours come from CSS classes (the CSP forbids inline styles).
 */
public final class SvgCharts {

    private SvgCharts() {
    }

    /** A series of a chart: its key, the message key of its name, and the CSS class that colours it. */
    public record Series(String key, String labelKey, String cssClass) {
    }

    public record Area(double x, double y, double width, double height) {

        public double right() {
            return round(x + width);
        }

        public double bottom() {
            return round(y + height);
        }
    }

    public record Tick(long value, double y) {
    }

    public record Label(String text, double x) {
    }

    public record Segment(Series series, long value, double x, double y, double width, double height) {
    }

    public record Column(String label, long total, double x, double width, List<Segment> segments, List<Long> values) {

        public double centre() {
            return round(x + width / 2);
        }
    }

    /**
     * Stacked bars, one column per period.
     *
     * @param series only those with a value somewhere, in the given order
     * @param columns each with its segments (non-zero values) and its value per shown series, in order
     */
    public record BarChart(int width, int height, Area plot, List<Series> series, List<Column> columns, List<Tick> ticks,
                           List<Label> labels, long max, long total) {

        public boolean empty() {
            return total == 0;
        }
    }

    /**
     * @param labels  the column labels (periods)
     * @param series  the series, in stacking order from the bottom
     * @param values  values[column][series]
     */
    public static BarChart stackedBars(List<String> labels, List<Series> series, long[][] values) {
        int width = 720;
        int height = 260;
        Area plot = new Area(44, 12, width - 44 - 12, height - 12 - 44);
        List<Integer> shown = new ArrayList<>();
        for (int s = 0; s < series.size(); s++) {
            long sum = 0;
            for (long[] column : values) {
                sum += column[s];
            }
            if (sum > 0) {
                shown.add(s);
            }
        }
        long max = 0;
        long total = 0;
        for (long[] column : values) {
            long sum = 0;
            for (long v : column) {
                sum += v;
            }
            max = Math.max(max, sum);
            total += sum;
        }
        long top = niceCeiling(max);
        int n = Math.max(1, labels.size());
        double slot = plot.width() / n;
        double barWidth = Math.max(1, slot * 0.8);
        List<Column> columns = new ArrayList<>();
        for (int c = 0; c < labels.size(); c++) {
            double x = plot.x() + c * slot + (slot - barWidth) / 2;
            double base = plot.bottom();
            List<Segment> segments = new ArrayList<>();
            List<Long> row = new ArrayList<>();
            long sum = 0;
            for (int s : shown) {
                long v = values[c][s];
                row.add(v);
                sum += v;
                if (v > 0) {
                    double h = plot.height() * v / top;
                    base -= h;
                    segments.add(new Segment(series.get(s), v, round(x), round(base), round(barWidth), round(h)));
                }
            }
            columns.add(new Column(labels.get(c), sum, round(x), round(barWidth), List.copyOf(segments), List.copyOf(row)));
        }
        List<Tick> ticks = new ArrayList<>();
        long step = Math.max(1, top / 4);
        for (long v = 0; v <= top; v += step) {
            ticks.add(new Tick(v, round(plot.bottom() - plot.height() * v / top)));
        }
        List<Label> xLabels = new ArrayList<>();
        int every = (int) Math.ceil(labels.size() / 8.0);
        for (int c = 0; c < labels.size(); c += Math.max(1, every)) {
            xLabels.add(new Label(labels.get(c), columns.get(c).centre()));
        }
        return new BarChart(width, height, plot, shown.stream().map(series::get).toList(), List.copyOf(columns), List.copyOf(ticks),
                List.copyOf(xLabels), top, total);
    }

    /** The smallest of 1, 2, 4, 5, 8 or 10 times a power of ten that is at least {@code max} (4 when there is nothing). */
    static long niceCeiling(long max) {
        if (max <= 4) {
            return 4;
        }
        long power = 1;
        while (power * 10 < max) {
            power *= 10;
        }
        for (long factor : new long[] {1, 2, 4, 5, 8, 10}) {
            if (factor * power >= max) {
                return factor * power;
            }
        }
        return 10 * power;
    }

    /** One part of a bar of shares. */
    public record Part(Series series, long value, long percent, double x, double width) {
    }

    /** A horizontal bar split into parts in proportion to their values. */
    public record ShareBar(int width, int height, List<Part> parts, long total) {

        public boolean empty() {
            return total == 0;
        }
    }

    public static ShareBar shares(List<Series> series, List<Long> values) {
        int width = 720;
        long total = values.stream().mapToLong(Long::longValue).sum();
        List<Part> parts = new ArrayList<>();
        double x = 0;
        for (int i = 0; i < series.size(); i++) {
            long v = values.get(i);
            double w = total == 0 ? 0 : width * (double) v / total;
            parts.add(new Part(series.get(i), v, total == 0 ? 0 : Math.round(100.0 * v / total), round(x), round(w)));
            x += w;
        }
        return new ShareBar(width, 28, List.copyOf(parts), total);
    }

    /** What a timeline mark shows: an id (for its link), a title, when, and the class that colours it. */
    public record MarkSpec(String id, String title, Instant at, String cssClass, String labelKey) {
    }

    public record Mark(String id, String title, Instant at, String cssClass, String labelKey, double cx, double cy) {
    }

    /** Marks on a time axis; marks that would overlap are stacked upwards. */
    public record Timeline(int width, int height, double axisY, double left, double right, List<Mark> marks, List<Label> ticks) {

        public boolean empty() {
            return marks.isEmpty();
        }
    }

    public static Timeline timeline(List<MarkSpec> specs) {
        int width = 720;
        double left = 44;
        double right = width - 44;
        int radius = 5;
        int lane = 12;
        int maxLanes = 12;
        List<MarkSpec> sorted = specs.stream().sorted(java.util.Comparator.comparing(MarkSpec::at)).toList();
        Instant from = sorted.isEmpty() ? Instant.EPOCH : sorted.get(0).at();
        Instant to = sorted.isEmpty() ? Instant.EPOCH : sorted.get(sorted.size() - 1).at();
        if (!to.isAfter(from.plus(Duration.ofHours(1)))) {
            from = from.minus(Duration.ofDays(1));
            to = to.plus(Duration.ofDays(1));
        }
        double span = Duration.between(from, to).toMillis();
        Map<Integer, Integer> used = new HashMap<>();
        List<double[]> positions = new ArrayList<>();
        int lanes = 1;
        for (MarkSpec spec : sorted) {
            double x = left + (right - left) * Duration.between(from, spec.at()).toMillis() / span;
            int bucket = (int) (x / (radius * 2 + 2));
            int level = Math.min(used.merge(bucket, 1, Integer::sum) - 1, maxLanes - 1);
            lanes = Math.max(lanes, level + 1);
            positions.add(new double[] {x, level});
        }
        double axisY = 14 + lanes * lane;
        List<Mark> marks = new ArrayList<>();
        for (int i = 0; i < sorted.size(); i++) {
            MarkSpec spec = sorted.get(i);
            marks.add(new Mark(spec.id(), spec.title(), spec.at(), spec.cssClass(), spec.labelKey(), round(positions.get(i)[0]),
                    round(axisY - 8 - positions.get(i)[1] * lane)));
        }
        boolean short_ = Duration.between(from, to).toDays() < 3;
        DateTimeFormatter format = DateTimeFormatter.ofPattern(short_ ? "MM-dd HH:mm" : "yyyy-MM-dd").withZone(ZoneOffset.UTC);
        List<Label> ticks = new ArrayList<>();
        int count = 5;
        for (int t = 0; t <= count; t++) {
            Instant at = from.plusMillis((long) (span * t / count));
            ticks.add(new Label(format.format(at), round(left + (right - left) * t / count)));
        }
        return new Timeline(width, (int) axisY + 30, axisY, left, right, List.copyOf(marks), List.copyOf(ticks));
    }

    static double round(double value) {
        return Math.round(value * 10) / 10.0;
    }
}

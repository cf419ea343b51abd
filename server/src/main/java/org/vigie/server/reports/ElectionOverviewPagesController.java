package org.vigie.server.reports;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.vigie.core.accounts.Member;
import org.vigie.core.accounts.Permission;
import org.vigie.core.accounts.Permissions;
import org.vigie.core.reports.IncidentType;
import org.vigie.core.reports.Outcome;
import org.vigie.core.taxonomy.CyclePhase;
import org.vigie.server.reference.DisarmFramework;
import org.vigie.server.web.SvgCharts;

/**
 * The election overview page, "does it add up?": charts drawn on the server as SVG, a DISARM heat
 * map, the targets most hit, attempts against successes, and the largest correlation clusters. It
 * lives with the reports it counts; the election's page links here by address only.
 */
@Controller
class ElectionOverviewPagesController {

    private final ElectionOverviews overviews;
    private final DisarmFramework disarm;
    ElectionOverviewPagesController(ElectionOverviews overviews, DisarmFramework disarm) {
        this.overviews = overviews;
        this.disarm = disarm;
    }

    /** A malformed id in the address names nothing: the same "not found" as an unknown one. */
    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    void malformedId(MethodArgumentTypeMismatchException ex, HttpServletResponse response) throws IOException {
        response.sendError(HttpServletResponse.SC_NOT_FOUND);
    }

    @GetMapping("/elections/{id}/overview")
    String overview(Member me, @PathVariable UUID id, Model model) {
        ElectionOverviews.Overview overview = overviews.of(me, id);
        model.addAttribute("overview", overview);
        model.addAttribute("phaseChart", phaseChart(overview));
        model.addAttribute("typeChart", typeChart(overview));
        model.addAttribute("outcomeBar", outcomeBar(overview));
        model.addAttribute("heatMap", DisarmHeatMap.of(disarm, overview.techniques()));
        model.addAttribute("mayCreateCampaign", Permissions.allows(me, Permission.KNOWLEDGE_SHARE));
        return "reports/overview";
    }

    static SvgCharts.BarChart phaseChart(ElectionOverviews.Overview overview) {
        List<SvgCharts.Series> series = new ArrayList<>();
        for (CyclePhase phase : CyclePhase.values()) {
            series.add(new SvgCharts.Series(phase.name(), "taxonomy.phase." + phase.name(), "series-" + phase.ordinal()));
        }
        series.add(new SvgCharts.Series(ElectionOverviews.NO_PHASE, "overview.phase.unset", "series-none"));
        return bars(overview.byPhase(), series, overview.interval());
    }

    static SvgCharts.BarChart typeChart(ElectionOverviews.Overview overview) {
        List<SvgCharts.Series> series = Arrays.stream(IncidentType.values())
                .map(t -> new SvgCharts.Series(t.name(), "reports.type." + t.name(), "series-" + t.ordinal())).toList();
        return bars(overview.byType(), series, overview.interval());
    }

    private static SvgCharts.BarChart bars(List<ElectionOverviews.Period> periods, List<SvgCharts.Series> series, String interval) {
        long[][] values = new long[periods.size()][series.size()];
        List<String> labels = new ArrayList<>();
        for (int p = 0; p < periods.size(); p++) {
            Map<String, Long> counts = periods.get(p).counts();
            for (int s = 0; s < series.size(); s++) {
                values[p][s] = counts.getOrDefault(series.get(s).key(), 0L);
            }
            labels.add(label(periods.get(p).start(), interval));
        }
        return SvgCharts.stackedBars(labels, series, values);
    }

    static String label(LocalDate start, String interval) {
        return switch (interval) {
            case "month" -> start.toString().substring(0, 7);
            case "year" -> start.toString().substring(0, 4);
            default -> start.toString();
        };
    }

    static SvgCharts.ShareBar outcomeBar(ElectionOverviews.Overview overview) {
        List<Outcome> order = List.of(Outcome.ATTEMPTED, Outcome.SUCCESSFUL, Outcome.UNKNOWN);
        return SvgCharts.shares(order.stream().map(ElectionOverviewPagesController::outcomeSeries).toList(),
                order.stream().map(o -> overview.outcomes().getOrDefault(o, 0L)).toList());
    }

    static SvgCharts.Series outcomeSeries(Outcome outcome) {
        return new SvgCharts.Series(outcome.name(), "reports.outcome." + outcome.name(), "mark-" + outcome.key());
    }
}

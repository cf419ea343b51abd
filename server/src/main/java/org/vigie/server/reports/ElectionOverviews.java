package org.vigie.server.reports;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.vigie.core.accounts.Member;
import org.vigie.core.reports.Outcome;
import org.vigie.server.elections.Election;
import org.vigie.server.elections.Elections;
import org.vigie.server.organisations.Organisation;
import org.vigie.server.organisations.Organisations;
import org.vigie.server.reference.DisarmFramework;
import org.vigie.server.sharing.Viewers;

/**
 * "Does it add up?": one election seen through the reports the reader may see. Counts come from one
 * SQL statement ({@link ReportAggregateRepository#OVERVIEW_SQL}), clusters from
 * {@link CorrelationClusters}; a report the reader may not see changes no number here.
 */
@Service
public class ElectionOverviews {

    /** How many clusters and targeted organisations the overview lists. */
    static final int TOP_CLUSTERS = 5;
    static final int TOP_ORGANISATIONS = 10;
    /** The phase key of reports without a cycle phase. */
    public static final String NO_PHASE = "UNSET";

    /** Reports of one period (a day, a week from Monday, a month or a year), by key. */
    public record Period(LocalDate start, Map<String, Long> counts) {
    }

    public record TechniqueCount(String id, String name, String tacticId, long reports) {
    }

    public record KeyCount(String key, long reports) {
    }

    public record OrganisationCount(UUID id, String name, long reports) {
    }

    /**
     * The overview of an election.
     *
     * @param reports  visible, unrevoked reports of the election
     * @param outcomes reports by outcome (ATTEMPTED, SUCCESSFUL, UNKNOWN), every outcome present
     * @param interval the length of the periods: day, week (from Monday), month or year
     * @param byPhase  reports per period by cycle phase ({@value #NO_PHASE} when none is set)
     * @param byType   reports per period by incident type (a report of two types counts in both)
     */
    public record Overview(UUID electionId, String electionName, long reports, Map<Outcome, Long> outcomes, LocalDate firstDay,
                           LocalDate lastDay, String interval, List<Period> byPhase, List<Period> byType,
                           List<TechniqueCount> techniques, List<KeyCount> targetCategories, List<OrganisationCount> targetOrganisations,
                           CorrelationClusters.Result clusters) {

        public boolean empty() {
            return reports == 0;
        }
    }

    private final ReportAggregateRepository repository;
    private final CorrelationClusters clusters;
    private final Viewers viewers;
    private final Elections elections;
    private final Organisations organisations;
    private final DisarmFramework disarm;

    ElectionOverviews(ReportAggregateRepository repository, CorrelationClusters clusters, Viewers viewers, Elections elections,
                      Organisations organisations, DisarmFramework disarm) {
        this.repository = repository;
        this.clusters = clusters;
        this.viewers = viewers;
        this.elections = elections;
        this.organisations = organisations;
        this.disarm = disarm;
    }

    /** The overview of an election for this reader; 404 when there is no such election. */
    public Overview of(Member reader, UUID electionId) {
        Election election = elections.get(electionId);
        List<ReportAggregateRepository.FacetCount> facets = repository.overview(viewers.of(reader), electionId);
        Map<Outcome, Long> outcomes = new EnumMap<>(Outcome.class);
        for (Outcome outcome : Outcome.values()) {
            outcomes.put(outcome, 0L);
        }
        TreeMap<LocalDate, Map<String, Long>> phaseDays = new TreeMap<>();
        TreeMap<LocalDate, Map<String, Long>> typeDays = new TreeMap<>();
        List<TechniqueCount> techniques = new ArrayList<>();
        List<KeyCount> categories = new ArrayList<>();
        List<KeyCount> targeted = new ArrayList<>();
        for (ReportAggregateRepository.FacetCount f : facets) {
            switch (f.facet()) {
                case "outcome" -> outcomes.put(Outcome.valueOf(f.key()), f.count());
                case "phase" -> phaseDays.computeIfAbsent(f.day(), d -> new LinkedHashMap<>())
                        .merge(f.key().isEmpty() ? NO_PHASE : f.key(), f.count(), Long::sum);
                case "type" -> typeDays.computeIfAbsent(f.day(), d -> new LinkedHashMap<>()).merge(f.key(), f.count(), Long::sum);
                case "technique" -> {
                    Optional<DisarmFramework.Technique> known = disarm.technique(f.key());
                    techniques.add(new TechniqueCount(f.key(), known.map(DisarmFramework.Technique::name).orElse(f.key()),
                            known.map(DisarmFramework.Technique::tacticId).orElse(null), f.count()));
                }
                case "category" -> categories.add(new KeyCount(f.key(), f.count()));
                case "organisation" -> targeted.add(new KeyCount(f.key(), f.count()));
                default -> throw new IllegalStateException("unknown facet " + f.facet());
            }
        }
        long total = outcomes.values().stream().mapToLong(Long::longValue).sum();
        techniques.sort(Comparator.comparingLong(TechniqueCount::reports).reversed().thenComparing(TechniqueCount::id));
        categories.sort(Comparator.comparingLong(KeyCount::reports).reversed().thenComparing(KeyCount::key));
        // the most hit first, named once they are chosen (one look-up each, not one per organisation ever targeted)
        targeted.sort(Comparator.comparingLong(KeyCount::reports).reversed().thenComparing(KeyCount::key));
        List<OrganisationCount> mostHit = new ArrayList<>();
        for (KeyCount t : targeted.subList(0, Math.min(TOP_ORGANISATIONS, targeted.size()))) {
            UUID id = UUID.fromString(t.key());
            mostHit.add(new OrganisationCount(id, organisations.find(id).map(Organisation::name).orElse(t.key()), t.reports()));
        }
        LocalDate first = phaseDays.isEmpty() ? null : phaseDays.firstKey();
        LocalDate last = phaseDays.isEmpty() ? null : phaseDays.lastKey();
        String interval = interval(first, last);
        CorrelationClusters.Result found = total == 0
                ? new CorrelationClusters.Result(List.of(), 0, false, clusters.linkLimit())
                : clusters.largest(reader, electionId, TOP_CLUSTERS);
        return new Overview(election.id(), election.name(), total, outcomes, first, last, interval,
                periods(phaseDays, first, last, interval), periods(typeDays, first, last, interval), List.copyOf(techniques),
                List.copyOf(categories), List.copyOf(mostHit), found);
    }

    /** Days while the events span two months at most, then weeks for two years, months for ten years, then years. */
    static String interval(LocalDate first, LocalDate last) {
        if (first == null) {
            return "day";
        }
        long days = ChronoUnit.DAYS.between(first, last) + 1;
        if (days <= 62) {
            return "day";
        }
        if (days <= 7 * 104) {
            return "week";
        }
        return ChronoUnit.MONTHS.between(first.withDayOfMonth(1), last.withDayOfMonth(1)) < 120 ? "month" : "year";
    }

    static LocalDate periodStart(LocalDate day, String interval) {
        return switch (interval) {
            case "week" -> day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            case "month" -> day.withDayOfMonth(1);
            case "year" -> day.withDayOfYear(1);
            default -> day;
        };
    }

    static LocalDate next(LocalDate start, String interval) {
        return switch (interval) {
            case "week" -> start.plusWeeks(1);
            case "month" -> start.plusMonths(1);
            case "year" -> start.plusYears(1);
            default -> start.plusDays(1);
        };
    }

    /** Daily counts summed into periods, every period from the first to the last present (empty ones too). */
    static List<Period> periods(TreeMap<LocalDate, Map<String, Long>> days, LocalDate first, LocalDate last, String interval) {
        if (first == null) {
            return List.of();
        }
        TreeMap<LocalDate, Map<String, Long>> summed = new TreeMap<>();
        for (LocalDate start = periodStart(first, interval); !start.isAfter(last); start = next(start, interval)) {
            summed.put(start, new LinkedHashMap<>());
        }
        days.forEach((day, counts) -> counts.forEach((key, count) ->
                summed.get(periodStart(day, interval)).merge(key, count, Long::sum)));
        List<Period> periods = new ArrayList<>();
        summed.forEach((start, counts) -> periods.add(new Period(start, Map.copyOf(counts))));
        return List.copyOf(periods);
    }
}

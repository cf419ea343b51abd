package org.vigie.server.publicsite;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.vigie.core.reports.IncidentType;
import org.vigie.core.taxonomy.CyclePhase;
import org.vigie.core.taxonomy.ElectionStage;

/**
 * Aggregate numbers of published cases by the public classification the panels chose: incident type,
 * cycle phase, and the phase's stage of the electoral cycle. A value the vocabularies do not know (or
 * none) counts as unclassified rather than disappearing.
 *
 * @param byType  every incident type in the vocabulary's order, then unclassified (zeros included)
 * @param byPhase every cycle phase in the cycle's order, then unclassified
 * @param byStageAndType [stage (PRE, ELECTORAL, POST, unclassified)][incident type (+ unclassified)]
 */
public record PublicStatistics(long total, List<Bucket> byType, List<Bucket> byPhase, long[][] byStageAndType) {

    /** The key of a case the panel did not classify. */
    public static final String UNCLASSIFIED = "unclassified";

    /**
     * @param key      a stable key: the incident type's key ("hack-and-leak"), the phase in the same form
     *                 ("voter-registration"), or {@link #UNCLASSIFIED}
     * @param labelKey the message key of its name
     */
    public record Bucket(String key, String labelKey, String cssClass, long count) {
    }

    public static PublicStatistics of(List<PublishedStatements.Count> counts) {
        Map<IncidentType, Long> types = new EnumMap<>(IncidentType.class);
        Map<CyclePhase, Long> phases = new EnumMap<>(CyclePhase.class);
        long unclassifiedType = 0;
        long unclassifiedPhase = 0;
        int typeColumns = IncidentType.values().length + 1;
        long[][] stageType = new long[ElectionStage.values().length + 1][typeColumns];
        long total = 0;
        for (PublishedStatements.Count count : counts) {
            Optional<IncidentType> type = incidentType(count.incidentType());
            Optional<CyclePhase> phase = cyclePhase(count.cyclePhase());
            total += count.count();
            if (type.isPresent()) {
                types.merge(type.get(), count.count(), Long::sum);
            } else {
                unclassifiedType += count.count();
            }
            if (phase.isPresent()) {
                phases.merge(phase.get(), count.count(), Long::sum);
            } else {
                unclassifiedPhase += count.count();
            }
            int stage = phase.map(p -> p.stage().ordinal()).orElse(ElectionStage.values().length);
            stageType[stage][type.map(Enum::ordinal).orElse(typeColumns - 1)] += count.count();
        }
        List<Bucket> byType = new ArrayList<>();
        for (IncidentType type : IncidentType.values()) {
            byType.add(new Bucket(type.key(), "reports.type." + type.name(), "series-" + type.ordinal(), types.getOrDefault(type, 0L)));
        }
        byType.add(new Bucket(UNCLASSIFIED, "public.stats.unclassified", "series-none", unclassifiedType));
        List<Bucket> byPhase = new ArrayList<>();
        for (CyclePhase phase : CyclePhase.values()) {
            byPhase.add(new Bucket(key(phase), "taxonomy.phase." + phase.name(), "series-" + phase.ordinal(), phases.getOrDefault(phase, 0L)));
        }
        byPhase.add(new Bucket(UNCLASSIFIED, "public.stats.unclassified", "series-none", unclassifiedPhase));
        return new PublicStatistics(total, List.copyOf(byType), List.copyOf(byPhase), stageType);
    }

    /** The stages as columns of the stacked bars, then unclassified: message keys. */
    public static List<String> stageLabelKeys() {
        List<String> keys = new ArrayList<>();
        for (ElectionStage stage : ElectionStage.values()) {
            keys.add("taxonomy.stage." + stage.name());
        }
        keys.add("public.stats.unclassified");
        return keys;
    }

    static String key(CyclePhase phase) {
        return phase.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The stored classification read leniently: the key or the constant's name, any case. */
    static Optional<IncidentType> incidentType(String stored) {
        if (stored == null || stored.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(IncidentType.fromKey(stored));
        } catch (IllegalArgumentException unknown) {
            return Optional.empty();
        }
    }

    static Optional<CyclePhase> cyclePhase(String stored) {
        if (stored == null || stored.isBlank()) {
            return Optional.empty();
        }
        String name = stored.trim().toUpperCase(Locale.ROOT).replace('-', '_');
        for (CyclePhase phase : CyclePhase.values()) {
            if (phase.name().equals(name)) {
                return Optional.of(phase);
            }
        }
        return Optional.empty();
    }
}

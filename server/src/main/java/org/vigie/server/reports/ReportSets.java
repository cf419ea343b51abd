package org.vigie.server.reports;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.vigie.core.accounts.Member;
import org.vigie.core.sharing.VisibilityPolicy;
import org.vigie.server.audit.AuditEvent;
import org.vigie.server.audit.AuditTrail;
import org.vigie.server.organisations.Organisation;
import org.vigie.server.organisations.Organisations;
import org.vigie.server.reference.DisarmFramework;
import org.vigie.server.sharing.Viewers;

/**
 * A group of reports chosen by id (a campaign's members), read through the reports' policy: only
 * the reports the reader may see are listed or counted, whatever ids are asked for. Other modules
 * keep ids; this is how they show them.
 */
@Service
public class ReportSets {

    /** A normalised observable and how many of the group's reports carry it. */
    public record ObservableCount(String type, String value, long reports) {
    }

    /**
     * What the reader may see of a group of reports.
     *
     * @param reports the visible reports, oldest event first (revoked ones included, flagged)
     * @param first   the earliest event of the visible, unrevoked reports, or null
     * @param last    the latest, or null
     */
    public record Summary(List<ReportRow> reports, Instant first, Instant last, List<ElectionOverviews.TechniqueCount> techniques,
                          List<ElectionOverviews.KeyCount> targetCategories,
                          List<ElectionOverviews.OrganisationCount> targetOrganisations, List<ObservableCount> observables) {
    }

    private final ReportAggregateRepository repository;
    private final Viewers viewers;
    private final Organisations organisations;
    private final DisarmFramework disarm;
    private final AuditTrail audit;

    ReportSets(ReportAggregateRepository repository, Viewers viewers, Organisations organisations, DisarmFramework disarm,
               AuditTrail audit) {
        this.repository = repository;
        this.viewers = viewers;
        this.organisations = organisations;
        this.disarm = disarm;
        this.audit = audit;
    }

    /** The reports of these ids that the reader may see, oldest event first: to check ids, not to show them. */
    public List<ReportRow> visible(Member reader, Collection<String> ids) {
        return repository.rows(viewers.of(reader), distinct(ids));
    }

    /** The same, to be shown: listing AMBER+STRICT and RED reports is audited, as any listing of them is. */
    public List<ReportRow> listed(Member reader, Collection<String> ids) {
        List<ReportRow> rows = visible(reader, ids);
        auditRestrictedListing(audit, rows);
        return rows;
    }

    /** As for any object: listing AMBER+STRICT and RED reports is recorded, so their owners know who saw them. */
    static void auditRestrictedListing(AuditTrail audit, List<ReportRow> shown) {
        List<String> restricted = shown.stream().filter(r -> VisibilityPolicy.readIsAudited(r.tlp()))
                .map(r -> r.id() + " (" + r.tlp().label() + ")").toList();
        if (!restricted.isEmpty()) {
            audit.record(AuditEvent.of("report.listed").with("count", restricted.size())
                    .with("reports", restricted.subList(0, Math.min(restricted.size(), 100))));
        }
    }

    /** Which of these ids are reports the reader may see. */
    public Set<String> visibleIds(Member reader, Collection<String> ids) {
        return visible(reader, ids).stream().map(ReportRow::id).collect(Collectors.toCollection(LinkedHashSet::new));
    }

    public Summary summary(Member reader, Collection<String> ids) {
        List<String> wanted = distinct(ids);
        List<ReportRow> rows = repository.rows(viewers.of(reader), wanted);
        auditRestrictedListing(audit, rows);
        List<ReportRow> current = rows.stream().filter(r -> !r.revoked()).toList();
        List<ElectionOverviews.TechniqueCount> techniques = new ArrayList<>();
        List<ElectionOverviews.KeyCount> categories = new ArrayList<>();
        List<ElectionOverviews.OrganisationCount> targeted = new ArrayList<>();
        List<ObservableCount> observables = new ArrayList<>();
        for (ReportAggregateRepository.GroupCount c : current.isEmpty() ? List.<ReportAggregateRepository.GroupCount>of()
                : repository.group(viewers.of(reader), current.stream().map(ReportRow::id).toList())) {
            switch (c.facet()) {
                case "technique" -> {
                    Optional<DisarmFramework.Technique> known = disarm.technique(c.key());
                    techniques.add(new ElectionOverviews.TechniqueCount(c.key(), known.map(DisarmFramework.Technique::name).orElse(c.key()),
                            known.map(DisarmFramework.Technique::tacticId).orElse(null), c.count()));
                }
                case "category" -> categories.add(new ElectionOverviews.KeyCount(c.key(), c.count()));
                case "organisation" -> {
                    UUID id = UUID.fromString(c.key());
                    targeted.add(new ElectionOverviews.OrganisationCount(id, organisations.find(id).map(Organisation::name).orElse(c.key()),
                            c.count()));
                }
                case "observable" -> observables.add(new ObservableCount(c.type(), c.key(), c.count()));
                default -> throw new IllegalStateException("unknown facet " + c.facet());
            }
        }
        techniques.sort(Comparator.comparingLong(ElectionOverviews.TechniqueCount::reports).reversed()
                .thenComparing(ElectionOverviews.TechniqueCount::id));
        categories.sort(Comparator.comparingLong(ElectionOverviews.KeyCount::reports).reversed().thenComparing(ElectionOverviews.KeyCount::key));
        targeted.sort(Comparator.comparingLong(ElectionOverviews.OrganisationCount::reports).reversed()
                .thenComparing(ElectionOverviews.OrganisationCount::name));
        observables.sort(Comparator.comparingLong(ObservableCount::reports).reversed().thenComparing(ObservableCount::type)
                .thenComparing(ObservableCount::value));
        Instant first = current.stream().map(ReportRow::occurred).min(Comparator.naturalOrder()).orElse(null);
        Instant last = current.stream().map(ReportRow::occurred).max(Comparator.naturalOrder()).orElse(null);
        return new Summary(rows, first, last, List.copyOf(techniques), List.copyOf(categories), List.copyOf(targeted),
                List.copyOf(observables));
    }

    private static List<String> distinct(Collection<String> ids) {
        return ids == null ? List.of() : ids.stream().filter(id -> id != null && id.startsWith("incident--")).distinct().toList();
    }
}

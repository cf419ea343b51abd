package org.vigie.server.reports;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.vigie.core.accounts.Member;
import org.vigie.core.reports.Clusters;
import org.vigie.core.sharing.Viewer;
import org.vigie.server.audit.AuditTrail;
import org.vigie.server.knowledge.KnowledgeStore;
import org.vigie.server.sharing.Viewers;
import org.vigie.server.web.NotFoundException;

/**
 * Correlation clusters: groups of reports the reader may see that are linked, directly or through
 * one another, by an observable, an actor or a narrative they share (keys weighted 0.5 or more by
 * {@link Correlations}; DISARM techniques do not link, many unrelated operations share them).
 * Over-correlating values do not link either. The links are read by one SQL query over the reader's
 * visible reports, bounded by {@code vigie.clusters.max-links}; components are found by core's
 * union-find. Shown on the election overview, and offered as campaign suggestions.
 */
@Service
public class CorrelationClusters {

    static final float MIN_WEIGHT = 0.5f;
    /** How many reports of a cluster are listed by name in the overview. */
    public static final int SAMPLE = 8;
    /** How many linking values a cluster lists. */
    static final int LINKS_SHOWN = 8;

    /**
     * A value that links reports of a cluster.
     *
     * @param label   the name of an actor or narrative the reader may see; null for observables, and
     *                for an actor or narrative the reader may not see (its id is in the reports they read)
     * @param reports how many of the cluster's reports carry it
     */
    public record Link(String kind, String value, String label, int reports) {

        public boolean observable() {
            return !kind.equals("actor") && !kind.equals("narrative");
        }
    }

    /**
     * A cluster: all its report ids (oldest event first), some of its reports as rows, the values
     * that link them, and the time its reports' events span.
     */
    public record ReportCluster(int size, List<String> reportIds, List<ReportRow> sample, List<Link> links, Instant first,
                                Instant last) {

        /** A report of the cluster: enough to find the cluster again. */
        public String seed() {
            return reportIds.get(0);
        }

        public int unlisted() {
            return size - sample.size();
        }
    }

    /**
     * @param clusters  the largest clusters, largest first
     * @param count     how many clusters (of two reports or more) there are in all
     * @param truncated whether the link limit was reached: clusters were computed on part of the links
     * @param linkLimit the limit
     */
    public record Result(List<ReportCluster> clusters, int count, boolean truncated, int linkLimit) {
    }

    private record Key(String kind, String value) {
    }

    private record Computed(List<Clusters.Cluster<Key>> clusters, Map<String, Instant> occurred, boolean truncated) {
    }

    private final ReportAggregateRepository repository;
    private final Correlations correlations;
    private final Viewers viewers;
    private final KnowledgeStore store;
    private final AuditTrail audit;
    private final int maxLinks;

    CorrelationClusters(ReportAggregateRepository repository, Correlations correlations, Viewers viewers, KnowledgeStore store,
                        AuditTrail audit, @Value("${vigie.clusters.max-links:200000}") int maxLinks) {
        this.repository = repository;
        this.correlations = correlations;
        this.viewers = viewers;
        this.store = store;
        this.audit = audit;
        this.maxLinks = maxLinks;
    }

    /** The {@code max} largest clusters among the reader's visible reports of an election (of all elections if null). */
    public Result largest(Member reader, UUID election, int max) {
        Computed computed = compute(viewers.of(reader), election);
        List<ReportCluster> shown = new ArrayList<>();
        for (Clusters.Cluster<Key> cluster : computed.clusters().subList(0, Math.min(max, computed.clusters().size()))) {
            shown.add(cluster(reader, cluster, computed.occurred(), SAMPLE));
        }
        return new Result(List.copyOf(shown), computed.clusters().size(), computed.truncated(), maxLinks);
    }

    /** The cluster a visible report belongs to, with up to {@code rows} of its reports as rows. */
    public Optional<ReportCluster> containing(Member reader, UUID election, String reportId, int rows) {
        Computed computed = compute(viewers.of(reader), election);
        return computed.clusters().stream().filter(c -> c.reports().contains(reportId)).findFirst()
                .map(c -> cluster(reader, c, computed.occurred(), rows));
    }

    public int linkLimit() {
        return maxLinks;
    }

    private Computed compute(Viewer viewer, UUID election) {
        List<ReportAggregateRepository.Link> links = repository.clusterLinks(viewer, election, MIN_WEIGHT, correlations.cap(), maxLinks + 1);
        boolean truncated = links.size() > maxLinks;
        Clusters<Key> clusters = Clusters.create();
        Map<String, Instant> occurred = new HashMap<>();
        for (ReportAggregateRepository.Link link : truncated ? links.subList(0, maxLinks) : links) {
            clusters.link(link.reportId(), new Key(link.kind(), link.value()));
            occurred.put(link.reportId(), link.occurred());
        }
        return new Computed(clusters.clusters(2), occurred, truncated);
    }

    private ReportCluster cluster(Member reader, Clusters.Cluster<Key> cluster, Map<String, Instant> occurred, int rows) {
        List<String> ids = new ArrayList<>(cluster.reports());
        ids.sort(Comparator.comparing((String id) -> occurred.get(id)).thenComparing(id -> id));
        List<ReportRow> sample = repository.rows(viewers.of(reader), ids.subList(0, Math.min(rows, ids.size())));
        ReportSets.auditRestrictedListing(audit, sample);
        List<Link> links = cluster.keys().stream().limit(LINKS_SHOWN)
                .map(k -> new Link(k.key().kind(), k.key().value(), label(reader, k.key()), k.reports())).toList();
        return new ReportCluster(ids.size(), List.copyOf(ids), sample, links, occurred.get(ids.get(0)), occurred.get(ids.get(ids.size() - 1)));
    }

    /** An actor's or narrative's name, if the reader may see it. */
    private String label(Member reader, Key key) {
        if (!key.kind().equals("actor") && !key.kind().equals("narrative")) {
            return null;
        }
        try {
            return store.get(reader, key.value(), Optional.empty()).object().path("name").asText(null);
        } catch (NotFoundException e) {
            return null;
        }
    }
}

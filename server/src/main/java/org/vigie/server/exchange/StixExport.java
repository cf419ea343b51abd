package org.vigie.server.exchange;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.vigie.core.accounts.Member;
import org.vigie.core.sharing.Viewer;
import org.vigie.server.audit.AuditEvent;
import org.vigie.server.audit.AuditTrail;
import org.vigie.server.campaigns.Campaign;
import org.vigie.server.campaigns.Campaigns;
import org.vigie.server.knowledge.KnowledgeStore;
import org.vigie.server.knowledge.StoredObject;
import org.vigie.server.organisations.Organisations;
import org.vigie.server.reports.ReportFilter;
import org.vigie.server.reports.ReportSearchParameters;
import org.vigie.server.reports.ReportSelections;
import org.vigie.server.sharing.Communities;
import org.vigie.server.sharing.Viewers;
import org.vigie.server.web.NotFoundException;

/**
 * The STIX 2.1 export of any set a reader may see, streamed as one bundle. Choosing a set checks
 * that its subject exists for the reader (404 otherwise, before anything is written); writing it
 * reads the store in keyset pages through the visibility policy, adds the closure (see
 * {@link BundleWriter}) and audits the export (who, what set, how many objects) and every
 * AMBER+STRICT or RED object it wrote.
 *
 * <p>Order is deterministic (each set in id order, then the closure in id order), as are the ids
 * of everything an export derives, so two exports of the same data differ only by the bundle id.
 */
@Service
public class StixExport {

    /** What to export, for one reader; made by the methods below, written by {@link #write}. */
    public static final class ExportSet {
        private final Member reader;
        private final Viewer viewer;
        private final String kind;
        private final String subject;
        private final String fileName;
        private final Source source;

        private ExportSet(Member reader, Viewer viewer, String kind, String subject, String fileName, Source source) {
            this.reader = reader;
            this.viewer = viewer;
            this.kind = kind;
            this.subject = subject;
            this.fileName = fileName;
            this.source = source;
        }

        /** "report", "campaign", "reports", "community" or "objects". */
        public String kind() {
            return kind;
        }

        /** What was asked for: an id, or the query. */
        public String subject() {
            return subject;
        }

        /** A file name for downloads, e.g. {@code vigie-report-incident--….stix.json}. */
        public String fileName() {
            return fileName;
        }

        Member reader() {
            return reader;
        }
    }

    /** How many objects and bytes an export wrote, and how many of them were AMBER+STRICT or RED. */
    public record ExportResult(String bundleId, long objects, long bytes, long restricted) {
    }

    @FunctionalInterface
    interface Source {
        void writeTo(BundleWriter writer);
    }

    private final KnowledgeStore store;
    private final Campaigns campaigns;
    private final ReportSelections reports;
    private final Communities communities;
    private final Organisations organisations;
    private final Viewers viewers;
    private final AuditTrail audit;
    private final ObjectMapper json;

    StixExport(KnowledgeStore store, Campaigns campaigns, ReportSelections reports, Communities communities, Organisations organisations,
               Viewers viewers, AuditTrail audit, ObjectMapper json) {
        this.store = store;
        this.campaigns = campaigns;
        this.reports = reports;
        this.communities = communities;
        this.organisations = organisations;
        this.viewers = viewers;
        this.audit = audit;
        this.json = json;
    }

    // ---- sets ----------------------------------------------------------------------------------

    /** A report with everything it references; 404 unless the reader may see it. */
    public ExportSet report(Member reader, String reportId) {
        Viewer viewer = viewers.of(reader);
        StoredObject incident = visibleIncident(viewer, reportId).orElseThrow(() -> new NotFoundException("report", reportId));
        return new ExportSet(reader, viewer, "report", reportId, "vigie-report-" + reportId + ".stix.json",
                writer -> writeReports(writer, List.of(incident)));
    }

    /**
     * A campaign, the member reports the reader may see with their closure, and an
     * {@code attributed-to} relationship from each of those to the campaign; 404 unless the reader may
     * see the campaign. Members the reader may not see are not written, nor related, nor counted.
     */
    public ExportSet campaign(Member reader, String campaignId) {
        Viewer viewer = viewers.of(reader);
        Campaign campaign = campaigns.get(reader, campaignId);
        return new ExportSet(reader, viewer, "campaign", campaignId, "vigie-campaign-" + campaignId + ".stix.json", writer -> {
            List<StoredObject> head = store.latestVisible(viewer, List.of(campaign.id()));
            writer.writeStored(head);
            if (head.isEmpty()) {
                return;
            }
            StoredObject stored = head.get(0);
            List<String> members = campaign.reportIds();
            for (int from = 0; from < members.size(); from += BundleWriter.PAGE) {
                List<StoredObject> visible = store.latestVisible(viewer, members.subList(from, Math.min(members.size(), from + BundleWriter.PAGE)))
                        .stream().filter(o -> "incident".equals(o.type())).toList();
                writeReports(writer, visible);
                for (StoredObject incident : visible) {
                    writer.writeDerived(attributedTo(incident, stored));
                }
            }
        });
    }

    /** The reports the reader may see matching the reports list's filters, each with its closure. */
    public ExportSet reports(Member reader, ReportSearchParameters parameters) {
        Viewer viewer = viewers.of(reader);
        ReportFilter filter = reports.filter(parameters);
        return new ExportSet(reader, viewer, "reports", describe(filter), "vigie-reports.stix.json", writer -> {
            String after = null;
            while (true) {
                List<String> ids = reports.visibleIdsAfter(viewer, filter, after, BundleWriter.PAGE);
                if (ids.isEmpty()) {
                    return;
                }
                writeReports(writer, store.latestVisible(viewer, ids));
                after = ids.get(ids.size() - 1);
            }
        });
    }

    /** What was shared into a community that the reader may see; 404 unless the reader's organisation is a member. */
    public ExportSet community(Member reader, UUID communityId) {
        if (communityId == null || communities.find(communityId).isEmpty() || !communities.isMember(communityId, reader.organisationId())) {
            throw new NotFoundException("community", communityId);
        }
        Viewer viewer = viewers.of(reader);
        KnowledgeStore.Selection selection = new KnowledgeStore.Selection(null, null, null, communityId);
        return new ExportSet(reader, viewer, "community", communityId.toString(), "vigie-community-" + communityId + ".stix.json",
                writer -> writeSelection(writer, selection, Long.MAX_VALUE));
    }

    /**
     * The knowledge search: latest versions the reader may see of this type, matching this text and
     * owned by this organisation (each optional), at most {@code limit} of them (then the closure).
     */
    public ExportSet objects(Member reader, String type, String text, UUID owner, long limit) {
        Viewer viewer = viewers.of(reader);
        KnowledgeStore.Selection selection = new KnowledgeStore.Selection(type, text, owner, null);
        String subject = "type=" + (type == null ? "" : type) + "&q=" + (text == null ? "" : text) + (owner == null ? "" : "&owner=" + owner);
        return new ExportSet(reader, viewer, "objects", subject, "vigie-objects.stix.json",
                writer -> writeSelection(writer, selection, Math.max(1, limit)));
    }

    // ---- writing -------------------------------------------------------------------------------

    /**
     * Streams the set as a STIX 2.1 bundle into {@code out} (not closed), then audits the export.
     *
     * @param allVersions every version the reader may see of each object, instead of the latest
     */
    public ExportResult write(ExportSet set, boolean allVersions, OutputStream out) {
        String bundleId = "bundle--" + UUID.randomUUID();
        BundleWriter writer = new BundleWriter(store, organisations, audit, json, set.viewer, allVersions, set.kind + " " + set.subject, out);
        boolean complete = false;
        try {
            writer.begin(bundleId);
            set.source.writeTo(writer);
            writer.finish();
            complete = true;
        } finally {
            if (!complete) {
                writer.abandon();
            }
            audit.record(AuditEvent.of("exchange.exported", set.kind, set.subject).with("bundle", bundleId)
                    .with("objects", writer.objects()).with("restricted", writer.restrictedCount())
                    .with("versions", allVersions ? "all" : "latest").with("complete", complete));
        }
        return new ExportResult(bundleId, writer.objects(), writer.bytes(), writer.restrictedCount());
    }

    private void writeSelection(BundleWriter writer, KnowledgeStore.Selection selection, long limit) {
        String after = null;
        long remaining = limit;
        while (remaining > 0) {
            List<StoredObject> page = store.visibleAfter(writer.viewer(), selection, after, (int) Math.min(BundleWriter.PAGE, remaining));
            if (page.isEmpty()) {
                return;
            }
            writer.writeStored(page);
            materialiseObservables(writer, page);
            remaining -= page.size();
            after = page.get(page.size() - 1).stixId();
        }
    }

    /** Incidents, then the notes about them the reader may see, then their observables as cyber-observables. */
    private void writeReports(BundleWriter writer, List<StoredObject> incidents) {
        if (incidents.isEmpty()) {
            return;
        }
        writer.writeStored(incidents);
        List<String> ids = incidents.stream().map(StoredObject::stixId).toList();
        writer.writeStored(store.notesAboutAny(writer.viewer(), ids));
        materialiseObservables(writer, incidents);
    }

    private void materialiseObservables(BundleWriter writer, List<StoredObject> objects) {
        for (StoredObject object : objects) {
            if ("incident".equals(object.type())) {
                for (ObservableStix.Materialised m : ObservableStix.of(object.object(), json)) {
                    writer.writeDerived(m.observable());
                    writer.writeDerived(m.relationship());
                }
            }
        }
    }

    /**
     * The incident's membership of the campaign, for a reader who sees both. It carries the markings
     * of the more restricted of the two, and the campaign's creation time, so that it never changes.
     */
    private ObjectNode attributedTo(StoredObject incident, StoredObject campaign) {
        ObjectNode relationship = json.createObjectNode();
        relationship.put("type", "relationship");
        relationship.put("spec_version", "2.1");
        relationship.put("id", StixIds.relationship(incident.stixId(), "attributed-to", campaign.stixId()));
        relationship.put("created", campaign.object().path("created").asText());
        relationship.put("modified", campaign.object().path("created").asText());
        relationship.put("relationship_type", "attributed-to");
        relationship.put("source_ref", incident.stixId());
        relationship.put("target_ref", campaign.stixId());
        StoredObject stricter = incident.sharing().tlp().ordinal() >= campaign.sharing().tlp().ordinal() ? incident : campaign;
        ObservableStix.copyMarkings(stricter.object(), relationship);
        return relationship;
    }

    private Optional<StoredObject> visibleIncident(Viewer viewer, String id) {
        if (id == null || !id.startsWith("incident--")) {
            return Optional.empty();
        }
        return store.latestVisible(viewer, List.of(id)).stream().filter(o -> "incident".equals(o.type())).findFirst();
    }

    private static String describe(ReportFilter filter) {
        List<String> parts = new ArrayList<>();
        add(parts, "q", filter.text());
        add(parts, "election", filter.electionId());
        add(parts, "phase", filter.phase());
        if (!filter.types().isEmpty()) {
            parts.add("type=" + filter.types());
        }
        add(parts, "outcome", filter.outcome());
        add(parts, "target", filter.targetCategory());
        add(parts, "targetOrganisation", filter.targetOrganisation());
        add(parts, "technique", filter.disarmTechnique());
        add(parts, "actor", filter.actorRef());
        add(parts, "narrative", filter.narrativeRef());
        add(parts, "observable", filter.observable());
        add(parts, "tlp", filter.tlp());
        add(parts, "owner", filter.owner());
        add(parts, "from", filter.from());
        add(parts, "to", filter.to());
        add(parts, "minConfidence", filter.minConfidence());
        if (filter.includeRevoked()) {
            parts.add("revoked=true");
        }
        return String.join("&", parts);
    }

    private static void add(List<String> parts, String name, Object value) {
        if (value != null && !value.toString().isBlank()) {
            parts.add(name + "=" + value);
        }
    }
}

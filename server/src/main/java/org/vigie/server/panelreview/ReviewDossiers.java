package org.vigie.server.panelreview;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.vigie.core.accounts.Member;
import org.vigie.server.audit.AuditEvent;
import org.vigie.server.audit.AuditTrail;
import org.vigie.server.elections.Election;
import org.vigie.server.elections.Elections;
import org.vigie.server.knowledge.KnowledgeStore;
import org.vigie.server.knowledge.StoredObject;
import org.vigie.server.reports.ReportRow;
import org.vigie.server.reports.ReportSets;
import org.vigie.server.sharing.Viewers;
import org.vigie.server.web.ForbiddenException;
import org.vigie.server.web.NotFoundException;

/**
 * Generates the independent-review dossier for a reader. Who may read: platform administrators (the
 * whole election, every panel), and current members of the panels concerned (for an election, the
 * part of its dossier that belongs to the panels they sit on — a member of one panel does not read
 * another panel's deliberations); anyone else 403, an unknown election or panel 404. Every read is
 * audited. Subjects' titles go through the visibility policy of the reader (reports through
 * {@link ReportSets}, campaigns through the knowledge store), in one query each for the whole dossier.
 */
@Service
public class ReviewDossiers {

    static final String AUDIT_ACTION = "panelreview.read";

    private final DossierRepository repository;
    private final Elections elections;
    private final ReportSets reports;
    private final KnowledgeStore knowledge;
    private final Viewers viewers;
    private final AuditTrail audit;
    private final ObjectMapper json;
    private final Clock clock;

    ReviewDossiers(DossierRepository repository, Elections elections, ReportSets reports, KnowledgeStore knowledge, Viewers viewers,
                   AuditTrail audit, ObjectMapper json, Clock clock) {
        this.repository = repository;
        this.elections = elections;
        this.reports = reports;
        this.knowledge = knowledge;
        this.viewers = viewers;
        this.audit = audit;
        this.json = json;
        this.clock = clock;
    }

    /** How the dossier was read, for the audit entry. */
    public enum Format { PAGE, PDF, JSON }

    /** The dossier of an election: every panel of it for an administrator, the reader's own panels of it for a member. */
    @Transactional
    public Dossier election(Member reader, UUID electionId, ReviewPeriod period, Format format) {
        Election election = elections.find(electionId).orElseThrow(() -> new NotFoundException("election", electionId));
        List<DossierRepository.PanelRow> panels = readablePanels(reader, repository.panelsOfElection(electionId),
                "Only platform administrators and members of this election's panels read its review dossier.");
        Dossier.Scope scope = new Dossier.Scope(Dossier.ScopeKind.ELECTION, electionId, election.name(), period.from(), period.to());
        return generate(reader, scope, panels, period, format);
    }

    /** The dossier of one panel (standing or not) over a period. */
    @Transactional
    public Dossier panel(Member reader, UUID panelId, ReviewPeriod period, Format format) {
        DossierRepository.PanelRow panel = repository.panel(panelId).orElseThrow(() -> new NotFoundException("panel", panelId));
        List<DossierRepository.PanelRow> panels = readablePanels(reader, List.of(panel),
                "Only platform administrators and members of this panel read its review dossier.");
        Dossier.Scope scope = new Dossier.Scope(Dossier.ScopeKind.PANEL, panelId, panel.name(), period.from(), period.to());
        return generate(reader, scope, panels, period, format);
    }

    /** Whether the reader may open the election's dossier (the link on the election's page is shown only then). */
    public boolean mayReadElection(Member reader, UUID electionId) {
        if (reader == null) {
            return false;
        }
        List<UUID> panels = repository.panelsOfElection(electionId).stream().map(DossierRepository.PanelRow::id).toList();
        return reader.platformAdministrator() ? !panels.isEmpty() : !repository.seatsOf(reader.accountId(), panels).isEmpty();
    }

    /** Whether the navigation offers the review at all: administrators, and whoever sits on a panel. */
    public boolean mayReadAny(Member reader) {
        return reader != null && (reader.platformAdministrator() || repository.sitsOnAnyPanel(reader.accountId()));
    }

    /** A line of the review index: an election with panels, or a standing panel. */
    public record IndexLine(UUID electionId, String electionName, UUID panelId, String panelName, long referrals) {

        public boolean standing() {
            return electionId == null;
        }
    }

    /** The elections and panels whose dossier the reader may open. */
    public List<IndexLine> index(Member reader) {
        if (reader == null) {
            return List.of();
        }
        return repository.readable(reader.accountId(), reader.platformAdministrator()).stream()
                .map(r -> new IndexLine(r.electionId(), r.electionName(), r.panelId(), r.panelName(), r.referrals())).toList();
    }

    private List<DossierRepository.PanelRow> readablePanels(Member reader, List<DossierRepository.PanelRow> panels, String refusal) {
        if (reader == null) {
            throw new ForbiddenException(refusal);
        }
        if (reader.platformAdministrator()) {
            return panels;
        }
        Set<UUID> seats = repository.seatsOf(reader.accountId(), panels.stream().map(DossierRepository.PanelRow::id).toList());
        if (seats.isEmpty()) {
            throw new ForbiddenException(refusal);
        }
        return panels.stream().filter(p -> seats.contains(p.id())).toList();
    }

    private Dossier generate(Member reader, Dossier.Scope scope, List<DossierRepository.PanelRow> panels, ReviewPeriod period, Format format) {
        List<UUID> panelIds = panels.stream().map(DossierRepository.PanelRow::id).toList();
        Map<UUID, String> names = repository.memberNames(panelIds);
        List<DossierEvent> events = new ArrayList<>();
        // referral entries wait for their subjects' titles, resolved for the whole dossier at the end
        Map<Integer, JsonNode> pendingSubjects = new HashMap<>();
        Set<String> reportIds = new LinkedHashSet<>();
        Set<String> campaignIds = new LinkedHashSet<>();
        repository.events(panelIds, period.start(), period.end(), row -> {
            JsonNode detail = read(row.detail());
            if (row.kind() == DossierEvent.Kind.REFERRAL) {
                pendingSubjects.put(events.size(), detail);
                for (JsonNode s : detail.path("subjects")) {
                    ("campaign".equals(s.path("type").asText()) ? campaignIds : reportIds).add(s.path("id").asText());
                }
            }
            events.add(new DossierEvent(row.at(), row.kind(), row.referralId(), row.referralTitle(), row.actor(),
                    DossierDetails.of(row.kind(), detail, names, Map.of())));
        });
        Map<String, String> titles = visibleTitles(reader, reportIds, campaignIds);
        pendingSubjects.forEach((index, detail) -> {
            DossierEvent e = events.get(index);
            events.set(index, new DossierEvent(e.at(), e.kind(), e.referralId(), e.referralTitle(), e.actor(),
                    DossierDetails.of(e.kind(), detail, names, titles)));
        });
        List<Dossier.PanelLine> panelLines = panels.stream()
                .map(p -> new Dossier.PanelLine(p.id(), p.name(), p.rule(), p.quorum(), p.electionId() == null)).toList();
        DossierSummary summary = DossierSummary.of(events);
        audit.record(AuditEvent.of(AUDIT_ACTION, scope.kind() == Dossier.ScopeKind.ELECTION ? "election" : "panel", scope.id())
                .with("format", format.name()).with("from", String.valueOf(period.from())).with("to", String.valueOf(period.to()))
                .with("panels", panelIds.stream().map(UUID::toString).toList()).with("entries", events.size()));
        return new Dossier(scope, panelLines, clock.instant(), reader.username(), List.copyOf(events), summary.referrals(), summary.summary());
    }

    /**
     * Titles of the subjects the reader may see, by id; the others are absent (shown as restricted).
     * Listing AMBER+STRICT and RED reports is audited by {@link ReportSets#listed}, as any listing of them.
     */
    private Map<String, String> visibleTitles(Member reader, Set<String> reportIds, Set<String> campaignIds) {
        Map<String, String> titles = new HashMap<>();
        if (!reportIds.isEmpty()) {
            for (ReportRow row : reports.listed(reader, reportIds)) {
                titles.put(row.id(), row.title());
            }
        }
        if (!campaignIds.isEmpty()) {
            for (StoredObject campaign : knowledge.latestVisible(viewers.of(reader), campaignIds)) {
                titles.put(campaign.stixId(), campaign.object().path("name").asText(campaign.stixId()));
            }
        }
        return titles;
    }

    private JsonNode read(String detail) {
        try {
            return json.readTree(detail);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the dossier query returned a detail that is not JSON", e);
        }
    }
}

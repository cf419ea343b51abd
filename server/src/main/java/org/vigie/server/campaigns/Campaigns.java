package org.vigie.server.campaigns;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Map;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.vigie.core.accounts.Member;
import org.vigie.core.accounts.Permission;
import org.vigie.core.accounts.Permissions;
import org.vigie.core.sharing.Pap;
import org.vigie.core.sharing.Sharing;
import org.vigie.core.sharing.Tlp;
import org.vigie.server.audit.AuditEvent;
import org.vigie.server.audit.AuditTrail;
import org.vigie.server.knowledge.KnowledgeStore;
import org.vigie.server.knowledge.SharingRequest;
import org.vigie.server.knowledge.StoredObject;
import org.vigie.server.organisations.Organisation;
import org.vigie.server.organisations.Organisations;
import org.vigie.server.reports.ElectionOverviews;
import org.vigie.server.reports.ReportRow;
import org.vigie.server.reports.ReportSets;
import org.vigie.server.web.ForbiddenException;
import org.vigie.server.web.InvalidFieldException;
import org.vigie.server.web.NotFoundException;

/**
 * Creating campaigns, adding and removing their reports, and reading them. A campaign is written
 * through the knowledge store (validation, markings, ownership, audit) with its member rows in the
 * same transaction; each change of members is a new version of the STIX campaign. What a reader is
 * shown of a campaign's reports is what the reports' policy lets them see, nothing more: not their
 * titles, not their number.
 */
@Service
public class Campaigns {

    /** The most reports one campaign groups. */
    public static final int MAX_REPORTS = 1000;
    static final int MAX_NAME = 200;
    static final int MAX_DESCRIPTION = 10_000;

    /** A campaign in a list: what its reader may see of it. */
    public record CampaignSummary(String id, String name, Tlp tlp, UUID ownerOrganisation, String ownerName, Instant modified,
                                  int reports) {
    }

    /**
     * A campaign as its reader may see it: only visible member reports are listed, counted, drawn
     * and aggregated. The sharing's recipients are shown to the owning organisation only.
     */
    public record CampaignView(String id, String name, String description, Instant created, Instant modified, Tlp tlp, Pap pap,
                               UUID ownerOrganisation, String ownerName, Set<UUID> communities, Set<UUID> organisations,
                               int reportCount, Instant firstSeen, Instant lastSeen, List<ReportRow> reports,
                               List<ElectionOverviews.TechniqueCount> techniques, List<ElectionOverviews.KeyCount> targetCategories,
                               List<ElectionOverviews.OrganisationCount> targetOrganisations,
                               List<ReportSets.ObservableCount> observables, boolean mayEdit, String stixUrl) {
    }

    private final KnowledgeStore store;
    private final CampaignStix stix;
    private final CampaignRepository repository;
    private final ReportSets reports;
    private final Organisations organisations;
    private final AuditTrail audit;
    private final TransactionTemplate transactions;
    private final Clock clock;

    Campaigns(KnowledgeStore store, CampaignStix stix, CampaignRepository repository, ReportSets reports, Organisations organisations,
              AuditTrail audit, TransactionTemplate transactions, Clock clock) {
        this.store = store;
        this.stix = stix;
        this.repository = repository;
        this.reports = reports;
        this.organisations = organisations;
        this.audit = audit;
        this.transactions = transactions;
        this.clock = clock;
    }

    // ---- writing -------------------------------------------------------------------------------

    /** Creates a campaign owned by the author's organisation, grouping reports the author may see. */
    public Campaign create(Member author, String name, String description, Collection<String> reportIds, SharingRequest sharing) {
        ensureMayShare(author);
        String title = name == null ? "" : name.strip();
        String text = description == null ? "" : description.strip();
        if (title.isEmpty()) {
            throw new InvalidFieldException("name", "campaigns.name.required", "Give the campaign a name.");
        }
        if (title.length() > MAX_NAME) {
            throw new InvalidFieldException("name", "campaigns.name.tooLong", "A campaign's name has at most " + MAX_NAME + " characters.");
        }
        if (text.length() > MAX_DESCRIPTION) {
            throw new InvalidFieldException("description", "campaigns.description.tooLong",
                    "A campaign's description has at most " + MAX_DESCRIPTION + " characters.");
        }
        if (sharing.tlp() == null) {
            throw new InvalidFieldException("tlp", "campaigns.tlp.required", "Choose a TLP marking for the campaign.");
        }
        List<String> ids = distinct(reportIds);
        checkedVisible(author, ids);
        Instant now = CampaignStix.stixTime(clock.instant());
        String id = CampaignStix.newId();
        ObjectNode campaign = stix.toStix(id, now, now, title, text);
        transactions.executeWithoutResult(tx -> {
            store.store(author, List.of(campaign), "", sharing, false);
            repository.insert(id, author.organisationId(), now);
            repository.replaceMembers(id, ids, now);
            audit.record(AuditEvent.of("campaign.created", "campaign", id).with("name", title).with("reports", ids.size())
                    .with("tlp", sharing.tlp().name()));
        });
        return get(author, id);
    }

    /** Adds reports the editor may see; a new version of the campaign (nothing when they are all members already). */
    public Campaign addReports(Member editor, String id, Collection<String> reportIds) {
        List<String> added = distinct(reportIds);
        if (added.isEmpty()) {
            throw new InvalidFieldException("reports", "campaigns.reports.empty", "Name at least one report to add.");
        }
        checkedVisible(editor, added);
        return change(editor, id, current -> {
            List<String> members = new ArrayList<>(current.reportIds());
            added.stream().filter(r -> !members.contains(r)).forEach(members::add);
            return members;
        }, "campaign.reports-added", added);
    }

    /** Removes one report from the campaign; a new version. 404 when it is not a member. */
    public Campaign removeReport(Member editor, String id, String reportId) {
        return change(editor, id, current -> {
            if (!current.reportIds().contains(reportId)) {
                throw new NotFoundException("campaign report", reportId);
            }
            return current.reportIds().stream().filter(r -> !r.equals(reportId)).toList();
        }, "campaign.report-removed", List.of(reportId));
    }

    private Campaign change(Member editor, String id, java.util.function.Function<Campaign, List<String>> members, String action,
                            List<String> changed) {
        Campaign before = get(editor, id);
        ensureOwner(editor, before);
        return transactions.execute(tx -> {
            // the head is locked, then re-read: two editors changing one campaign queue here, and neither loses the other's change
            if (repository.lockModified(id).isEmpty()) {
                repository.insert(id, before.sharing().ownerOrganisation(), before.modified()); // stored by other means (a STIX import)
                repository.lockModified(id);
            }
            Campaign current = get(editor, id);
            List<String> ids = members.apply(current);
            if (ids.size() > MAX_REPORTS) {
                throw new InvalidFieldException("reports", "campaigns.reports.tooMany", "A campaign groups at most " + MAX_REPORTS + " reports.");
            }
            if (ids.equals(current.reportIds())) {
                return current;
            }
            Instant now = CampaignStix.stixTime(clock.instant());
            Instant modified = now.isAfter(current.modified()) ? now : current.modified().plusMillis(1);
            ObjectNode campaign = stix.toStix(id, current.created(), modified, current.name(), current.description());
            store.store(editor, List.of(campaign), "", request(current.sharing()), false);
            repository.replaceMembers(id, ids, now);
            repository.setModified(id, modified);
            audit.record(AuditEvent.of(action, "campaign", id).with("reports", changed).with("version", modified.toString()));
            return new Campaign(id, current.created(), modified, current.name(), current.description(), current.sharing(), ids);
        });
    }

    /** The reports must be ones the member may see: an id they may not see is refused like an unknown one. */
    private List<ReportRow> checkedVisible(Member member, List<String> ids) {
        if (ids.size() > MAX_REPORTS) {
            throw new InvalidFieldException("reports", "campaigns.reports.tooMany", "A campaign groups at most " + MAX_REPORTS + " reports.");
        }
        List<ReportRow> visible = reports.visible(member, ids);
        if (visible.size() != ids.size()) {
            Set<String> found = new LinkedHashSet<>(visible.stream().map(ReportRow::id).toList());
            List<String> unknown = ids.stream().filter(i -> !found.contains(i)).toList();
            throw new InvalidFieldException("reports", "campaigns.reports.unknown", "No report you may see has the id "
                    + String.join(", ", unknown.subList(0, Math.min(5, unknown.size()))) + ".");
        }
        return visible.stream().filter(r -> !r.revoked()).toList();
    }

    private static SharingRequest request(Sharing sharing) {
        return new SharingRequest(sharing.tlp(), sharing.pap(), sharing.distribution().communities(),
                sharing.distribution().organisations(), sharing.distribution().users());
    }

    private static List<String> distinct(Collection<String> ids) {
        return ids == null ? List.of() : ids.stream().filter(java.util.Objects::nonNull).map(String::strip).filter(s -> !s.isEmpty())
                .distinct().toList();
    }

    /**
     * Campaigns stored by an import (a bundle exported by a Vigie, a peer's pull, another tool's
     * campaign) become campaigns here: each stored {@code campaign} gets its row, and its members are
     * the reports that {@code attributed-to} relationships (incident → campaign, as Vigie's exports
     * write them) or Vigie's extension name — only when the relationship belongs to the campaign's
     * own organisation, so nobody adds reports to another organisation's campaign by importing a
     * relationship. Members only grow here: an export leaves out the members its reader could not see,
     * so an absent relationship says nothing. Call it in the transaction that stored the objects, with
     * the objects as stored, after {@link org.vigie.server.reports.Reports#indexStoredIncidents}
     * (members must be reports already); relationships must come in the same or a later batch than
     * their campaign, as they do in Vigie's exports. Not audited here: the caller's import is.
     *
     * @return how many campaigns or memberships were written
     */
    public int indexStoredCampaigns(Collection<? extends JsonNode> storedObjects) {
        Map<String, JsonNode> campaigns = new java.util.LinkedHashMap<>();
        Map<String, JsonNode> attributions = new java.util.LinkedHashMap<>();
        for (JsonNode object : storedObjects) {
            String type = object == null ? "" : object.path("type").asText();
            if (type.equals("campaign")) {
                campaigns.put(object.path("id").asText(), object);
            } else if (type.equals("relationship") && object.path("relationship_type").asText().equals("attributed-to")
                    && object.path("source_ref").asText().startsWith("incident--") && object.path("target_ref").asText().startsWith("campaign--")) {
                attributions.put(object.path("id").asText(), object);
            }
        }
        if (campaigns.isEmpty() && attributions.isEmpty()) {
            return 0;
        }
        java.util.Set<String> ids = new java.util.HashSet<>(campaigns.keySet());
        ids.addAll(attributions.keySet());
        Map<String, KnowledgeStore.Latest> heads = store.latestVersions(ids);
        Instant now = clock.instant();
        int written = 0;
        for (JsonNode campaign : campaigns.values()) {
            String id = campaign.path("id").asText();
            KnowledgeStore.Latest head = heads.get(id);
            if (head == null || head.owner() == null) {
                continue; // refused by the store, or reference data
            }
            repository.upsert(id, head.owner(), head.modified());
            written++;
            for (String report : CampaignStix.reportIds(campaign)) {
                written += repository.addMember(id, head.owner(), report, now) ? 1 : 0;
            }
        }
        for (JsonNode relationship : attributions.values()) {
            KnowledgeStore.Latest head = heads.get(relationship.path("id").asText());
            if (head != null && head.owner() != null && !relationship.path("revoked").asBoolean(false)) {
                written += repository.addMember(relationship.path("target_ref").asText(), head.owner(),
                        relationship.path("source_ref").asText(), now) ? 1 : 0;
            }
        }
        return written;
    }

    // ---- reading -------------------------------------------------------------------------------

    /** The campaign if the member may see it; 404 otherwise (also when the id is not a campaign's). */
    public Campaign get(Member reader, String id) {
        if (id == null || !id.startsWith("campaign--")) {
            throw new NotFoundException("campaign", id);
        }
        return of(store.get(reader, id, Optional.empty()));
    }

    private Campaign of(StoredObject stored) {
        JsonNode object = stored.object();
        List<String> members = repository.members(stored.stixId());
        return new Campaign(stored.stixId(), Instant.parse(object.path("created").asText()), stored.modified(), CampaignStix.name(object),
                CampaignStix.description(object), stored.sharing(), members.isEmpty() ? CampaignStix.reportIds(object) : members);
    }

    /** What the reader may see of a campaign: its visible member reports only, and what they add up to. */
    public CampaignView view(Member reader, Campaign campaign) {
        ReportSets.Summary summary = reports.summary(reader, campaign.reportIds());
        boolean owner = mayEdit(reader, campaign);
        Sharing sharing = campaign.sharing();
        return new CampaignView(campaign.id(), campaign.name(), campaign.description(), campaign.created(), campaign.modified(),
                sharing.tlp(), sharing.pap(), sharing.ownerOrganisation(), ownerName(sharing.ownerOrganisation()),
                owner ? sharing.distribution().communities() : Set.of(), owner ? sharing.distribution().organisations() : Set.of(),
                summary.reports().size(), summary.first(), summary.last(), summary.reports(), summary.techniques(),
                summary.targetCategories(), summary.targetOrganisations(), summary.observables(), owner, "/api/v1/objects/" + campaign.id());
    }

    /** One page of the campaigns the member may see, newest change first, each with the number of its reports they may see. */
    public List<CampaignSummary> list(Member reader, int page, int size) {
        return summaries(reader, store.search(reader, "campaign", null, null, page, size).objects());
    }

    /** The campaigns of the member's own organisation (those a report can be added to), newest change first. */
    public List<CampaignSummary> ownedBy(Member member) {
        if (member.organisationId() == null) {
            return List.of();
        }
        return summaries(member, store.search(member, "campaign", null, member.organisationId(), 1, 200).objects());
    }

    /** The campaigns the reader may see that group this report. */
    public List<CampaignSummary> containing(Member reader, String reportId) {
        List<StoredObject> visible = new ArrayList<>();
        for (String id : repository.campaignsWith(reportId)) {
            try {
                visible.add(store.get(reader, id, Optional.empty()));
            } catch (NotFoundException e) {
                // a campaign the reader may not see: not shown, not counted
            }
        }
        return summaries(reader, visible);
    }

    private List<CampaignSummary> summaries(Member reader, List<StoredObject> stored) {
        List<Campaign> campaigns = stored.stream().map(this::of).toList();
        Set<String> all = new LinkedHashSet<>();
        campaigns.forEach(c -> all.addAll(c.reportIds()));
        Set<String> visible = reports.visibleIds(reader, all);
        return campaigns.stream().map(c -> new CampaignSummary(c.id(), c.name(), c.sharing().tlp(), c.sharing().ownerOrganisation(),
                        ownerName(c.sharing().ownerOrganisation()), c.modified(),
                        (int) c.reportIds().stream().filter(visible::contains).count()))
                .toList();
    }

    private String ownerName(UUID organisation) {
        return organisation == null ? null : organisations.find(organisation).map(Organisation::name).orElse(null);
    }

    // ---- permissions ---------------------------------------------------------------------------

    public static boolean mayCreate(Member member) {
        return Permissions.allows(member, Permission.KNOWLEDGE_SHARE);
    }

    /** Only the owning organisation's analysts and administrators change a campaign. */
    public boolean mayEdit(Member member, Campaign campaign) {
        return mayCreate(member) && member.belongsTo(campaign.sharing().ownerOrganisation());
    }

    private static void ensureMayShare(Member member) {
        if (!mayCreate(member)) {
            throw new ForbiddenException("Only analysts and administrators of an organisation create campaigns.");
        }
    }

    private void ensureOwner(Member member, Campaign campaign) {
        if (!mayEdit(member, campaign)) {
            throw new ForbiddenException("Only the organisation that created this campaign may change it.");
        }
    }
}

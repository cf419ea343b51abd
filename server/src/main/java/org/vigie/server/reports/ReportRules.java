package org.vigie.server.reports;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;
import org.vigie.core.accounts.Member;
import org.vigie.server.elections.Elections;
import org.vigie.server.knowledge.KnowledgeStore;
import org.vigie.server.knowledge.StoredObject;
import org.vigie.server.organisations.Organisations;
import org.vigie.server.reference.DisarmFramework;
import org.vigie.server.web.NotFoundException;

/**
 * What a report must satisfy before it is stored, checked all at once so that the analyst sees
 * every fault in one pass. Structural STIX checks come after, in the knowledge store.
 */
@Component
class ReportRules {

    static final int TITLE_MAX = 200;
    static final int SUMMARY_MAX = 20_000;
    static final int OBSERVABLES_MAX = 5_000;
    private static final Pattern ATTACK_ID = Pattern.compile("T\\d{4}(\\.\\d{3})?");
    /** Clocks disagree a little; an event "seen" further in the future than this is a typing error. */
    private static final Duration CLOCK_SKEW = Duration.ofHours(1);

    private final Elections elections;
    private final DisarmFramework disarm;
    private final KnowledgeStore store;
    private final Organisations organisations;
    private final ReportRepository repository;
    private final Clock clock;

    ReportRules(Elections elections, DisarmFramework disarm, KnowledgeStore store, Organisations organisations,
                ReportRepository repository, Clock clock) {
        this.elections = elections;
        this.disarm = disarm;
        this.store = store;
        this.organisations = organisations;
        this.repository = repository;
        this.clock = clock;
    }

    /** @param createdWithIt ids of actors and narratives created in the same request (not stored yet) */
    void check(Member author, ReportDraft draft, Collection<String> createdWithIt) {
        List<InvalidReportException.Fault> faults = new ArrayList<>();
        if (draft.title().isEmpty()) {
            faults.add(fault("title", "reports.title.required", "A title is required."));
        } else if (draft.title().length() > TITLE_MAX) {
            faults.add(fault("title", "reports.title.long", "The title is longer than " + TITLE_MAX + " characters.", TITLE_MAX));
        }
        if (draft.summary().length() > SUMMARY_MAX) {
            faults.add(fault("summary", "reports.summary.long", "The summary is longer than " + SUMMARY_MAX + " characters.", SUMMARY_MAX));
        }
        if (draft.types().isEmpty()) {
            faults.add(fault("types", "reports.types.required", "Choose at least one incident type."));
        }
        if (draft.firstSeen() != null && draft.lastSeen() != null && draft.lastSeen().isBefore(draft.firstSeen())) {
            faults.add(fault("lastSeen", "reports.lastSeen.beforeFirst", "Last seen is before first seen."));
        }
        if (draft.firstSeen() != null && draft.firstSeen().isAfter(clock.instant().plus(CLOCK_SKEW))) {
            faults.add(fault("firstSeen", "reports.firstSeen.future", "First seen is in the future."));
        }
        if (draft.electionId() != null && elections.find(draft.electionId()).isEmpty()) {
            faults.add(fault("electionId", "reports.election.unknown", "No election with id " + draft.electionId() + ".", draft.electionId()));
        }
        if (draft.confidence() != null && (draft.confidence() < 0 || draft.confidence() > 100)) {
            faults.add(fault("confidence", "reports.confidence.range", "Confidence is between 0 and 100."));
        }
        for (String technique : draft.disarmTechniques()) {
            if (disarm.technique(technique).isEmpty()) {
                faults.add(fault("disarmTechniques", "reports.disarm.unknown",
                        "'" + technique + "' is not a DISARM technique id (DISARM " + disarm.version() + ").", technique));
            }
        }
        for (String technique : draft.attackTechniques()) {
            if (!ATTACK_ID.matcher(technique).matches()) {
                faults.add(fault("attackTechniques", "reports.attack.malformed",
                        "'" + technique + "' is not an ATT&CK technique id such as T1566 or T1566.001.", technique));
            }
        }
        checkRefs(author, draft.actorRefs(), List.of("threat-actor", "intrusion-set"), "actors", "reports.actor.unknown", createdWithIt, faults);
        checkRefs(author, draft.narrativeRefs(), List.of("x-vigie-narrative"), "narratives", "reports.narrative.unknown", createdWithIt, faults);
        for (int i = 0; i < draft.targets().size(); i++) {
            Target target = draft.targets().get(i);
            if (target.category() == null) {
                faults.add(fault("targets[" + i + "].category", "reports.target.category", "Choose the target's category."));
            }
            if (target.organisationId() != null && organisations.find(target.organisationId()).isEmpty()) {
                faults.add(fault("targets[" + i + "].organisationId", "reports.target.organisation",
                        "No organisation with id " + target.organisationId() + ".", target.organisationId()));
            }
            if (target.doNotNotify() && (target.doNotNotifyReason() == null || target.doNotNotifyReason().isBlank())) {
                faults.add(fault("targets[" + i + "].doNotNotifyReason", "victims.reason.required",
                        "Give the reason not to notify this target (doNotNotifyReason), e.g. an ongoing investigation."));
            } else if (target.doNotNotifyReason() != null && target.doNotNotifyReason().length() > VictimNotices.REASON_MAX) {
                faults.add(fault("targets[" + i + "].doNotNotifyReason", "victims.reason.long",
                        "The reason not to notify is longer than " + VictimNotices.REASON_MAX + " characters.", VictimNotices.REASON_MAX));
            }
            if (target.notifiedAt() != null && target.notifiedAt().isAfter(clock.instant().plus(CLOCK_SKEW))) {
                faults.add(fault("targets[" + i + "].notifiedAt", "reports.target.notifiedFuture", "The notification date is in the future."));
            }
        }
        if (draft.observables().size() > OBSERVABLES_MAX) {
            faults.add(fault("observables", "reports.observables.many",
                    "More than " + OBSERVABLES_MAX + " observables: share them as a STIX bundle instead.", OBSERVABLES_MAX));
        }
        for (EvidenceRef evidence : draft.evidence()) {
            if (!evidence.sha256().matches("[0-9a-f]{64}") || !repository.uploadedBy(evidence.sha256(), author.organisationId())) {
                faults.add(fault("evidence", "reports.evidence.unknown",
                        "No evidence file " + evidence.sha256() + " uploaded by your organisation.", evidence.sha256()));
            }
        }
        if (!faults.isEmpty()) {
            throw new InvalidReportException(faults);
        }
    }

    /** A referenced actor or narrative must exist, be of the right type and be visible to the author. */
    private void checkRefs(Member author, List<String> refs, List<String> types, String field, String key, Collection<String> createdWithIt,
                           List<InvalidReportException.Fault> faults) {
        for (String ref : refs) {
            if (createdWithIt.contains(ref)) {
                continue;
            }
            Optional<StoredObject> found = visible(author, ref);
            if (found.isEmpty() || !types.contains(found.get().type())) {
                faults.add(fault(field, key, "No " + String.join(" or ", types) + " " + ref + " that you can see.", ref));
            }
        }
    }

    private Optional<StoredObject> visible(Member author, String id) {
        try {
            return Optional.of(store.get(author, id, Optional.empty()));
        } catch (NotFoundException e) {
            return Optional.empty();
        }
    }

    static InvalidReportException.Fault fault(String field, String key, String detail, Object... arguments) {
        return new InvalidReportException.Fault(field, key, List.of(arguments), detail);
    }
}

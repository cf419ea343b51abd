package org.vigie.server.misp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.ErrorResponseException;
import org.vigie.core.accounts.Member;
import org.vigie.core.accounts.Permission;
import org.vigie.core.accounts.Permissions;
import org.vigie.core.sharing.Tlp;
import org.vigie.server.audit.AuditEvent;
import org.vigie.server.audit.AuditTrail;
import org.vigie.server.knowledge.KnowledgeStore;
import org.vigie.server.knowledge.SharingRequest;
import org.vigie.server.reports.ReportDraft;
import org.vigie.server.reports.Reports;
import org.vigie.server.web.ForbiddenException;
import org.vigie.server.web.NotFoundException;

/**
 * Imports MISP events as Vigie reports. Every event is mapped and checked first; unless the import
 * is partial, one fault anywhere stores nothing, and all events are written in one transaction. A
 * partial import writes each good event on its own and reports the others.
 */
@Service
public class MispImport {

    private final MispEventMapper mapper;
    private final Reports reports;
    private final KnowledgeStore store;
    private final AuditTrail audit;
    private final TransactionTemplate transactions;
    private final ObjectMapper json;
    private final Clock clock;

    MispImport(MispEventMapper mapper, Reports reports, KnowledgeStore store, AuditTrail audit, TransactionTemplate transactions,
               ObjectMapper json, Clock clock) {
        this.mapper = mapper;
        this.reports = reports;
        this.store = store;
        this.audit = audit;
        this.transactions = transactions;
        this.json = json;
        this.clock = clock;
    }

    /** What one import did, event by event. */
    public record Outcome(List<MispEventResult> events) {

        public long count(String status) {
            return events.stream().filter(e -> e.status().equals(status)).count();
        }

        public boolean stored() {
            return count("CREATED") + count("NEW_VERSION") > 0;
        }
    }

    /** An event found in the body: where it is, and the event object itself. */
    record Found(String pointer, JsonNode event) {
    }

    /**
     * The events of a MISP file: {@code {"Event":…}}, {@code {"response":[…]}} (each item an event
     * or {@code {"Event":…}}), a list of either, or a bare event.
     */
    static List<Found> events(JsonNode body) {
        List<Found> found = new ArrayList<>();
        if (body.isArray()) {
            for (int i = 0; i < body.size(); i++) {
                collect(body.get(i), "/" + i, found);
            }
        } else if (body.isObject() && body.has("response")) {
            JsonNode response = body.get("response");
            if (response.isArray()) {
                for (int i = 0; i < response.size(); i++) {
                    collect(response.get(i), "/response/" + i, found);
                }
            } else {
                collect(response, "/response", found);
            }
        } else {
            collect(body, "", found);
        }
        return found;
    }

    private static void collect(JsonNode node, String pointer, List<Found> found) {
        if (node != null && node.isObject() && node.path("Event").isObject()) {
            found.add(new Found(pointer + "/Event", node.get("Event")));
        } else if (node != null && node.isObject() && looksLikeEvent(node)) {
            found.add(new Found(pointer, node));
        }
    }

    private static boolean looksLikeEvent(JsonNode node) {
        return node.has("uuid") || node.has("info") || node.has("Attribute") || node.has("Object");
    }

    public Outcome importEvents(Member importer, JsonNode body, SharingRequest request, boolean partial) {
        if (!Permissions.allows(importer, Permission.KNOWLEDGE_SHARE)) {
            throw new ForbiddenException("Only analysts and administrators of an organisation import reports.");
        }
        List<Found> found = events(body);
        if (found.isEmpty()) {
            throw MispRejectedException.noEvent();
        }
        UUID organisation = importer.organisationId();
        List<MispEventMapper.Plan> plans = new ArrayList<>();
        for (int i = 0; i < found.size(); i++) {
            plans.add(mapper.plan(organisation, i, found.get(i).pointer(), found.get(i).event()));
        }
        List<MispFault> problems = new ArrayList<>();
        for (MispEventMapper.Plan plan : plans) {
            if (plan.rejected(partial)) {
                problems.addAll(plan.problems());
            } else if (plan.tlp() == null && request.tlp() == null) {
                problems.add(new MispFault(plan.index(), plan.uuid(), plan.info(), plan.pointer() + "/Tag", null, null, null, null, "tlp",
                        "the event has no tlp:* tag: give the import's TLP (?tlp=CLEAR|GREEN|AMBER|AMBER_STRICT|RED)"));
            }
        }
        if (!partial && !problems.isEmpty()) {
            throw new MispRejectedException(problems, plans.size());
        }
        List<MispEventResult> results;
        if (partial) {
            results = new ArrayList<>();
            for (MispEventMapper.Plan plan : plans) {
                results.add(writeOrReport(importer, plan, request, true));
            }
        } else {
            results = transactions.execute(tx -> {
                List<MispEventResult> done = new ArrayList<>();
                for (MispEventMapper.Plan plan : plans) {
                    done.add(writeOrReport(importer, plan, request, false));
                }
                return done;
            });
        }
        Outcome outcome = new Outcome(results);
        audit.record(AuditEvent.of("misp.imported").with("events", results.size()).with("created", outcome.count("CREATED"))
                .with("newVersions", outcome.count("NEW_VERSION")).with("unchanged", outcome.count("UNCHANGED"))
                .with("rejected", outcome.count("REJECTED")).with("partial", partial));
        return outcome;
    }

    private MispEventResult writeOrReport(Member importer, MispEventMapper.Plan plan, SharingRequest request, boolean partial) {
        Tlp tlp = plan.tlp() != null ? plan.tlp() : request.tlp();
        if (plan.rejected(partial) || tlp == null) {
            List<MispFault> problems = plan.problems();
            if (tlp == null && problems.isEmpty()) {
                problems = List.of(new MispFault(plan.index(), plan.uuid(), plan.info(), plan.pointer() + "/Tag", null, null, null, null, "tlp",
                        "the event has no tlp:* tag: give the import's TLP"));
            }
            return result(plan, "REJECTED", tlp, problems, plan.warnings());
        }
        SharingRequest sharing = new SharingRequest(tlp, plan.pap() != null ? plan.pap() : request.pap(), request.communities(),
                request.organisations(), request.users());
        try {
            List<JsonNode> companions = new ArrayList<>(plan.companions());
            List<String> actorRefs = new ArrayList<>();
            for (MispEventMapper.Actor actor : plan.actors()) {
                actorRefs.add(actor.id());
                if (!exists(importer, actor.id())) {
                    companions.add(0, actorObject(actor));
                }
            }
            ReportDraft d = plan.draft();
            ReportDraft draft = new ReportDraft(d.title(), d.summary(), d.firstSeen(), d.lastSeen(), d.electionId(), d.phase(), d.types(),
                    d.outcome(), d.targets(), d.disarmTechniques(), d.attackTechniques(), actorRefs, d.narrativeRefs(), d.viginum(),
                    d.confidence(), d.admiralty(), d.observables(), d.evidence());
            Reports.Imported imported = reports.fileImported(importer, plan.reportId(), plan.created(), plan.modified(), draft, companions,
                    sharing, "misp:" + plan.uuid());
            List<String> warnings = new ArrayList<>(plan.warnings());
            if (imported.status() == Reports.ImportStatus.UNCHANGED
                    && imported.report().modified().isAfter(plan.modified().truncatedTo(java.time.temporal.ChronoUnit.MILLIS))) {
                warnings.add("the report has a newer version in Vigie (" + imported.report().modified()
                        + ") than this event's timestamp: nothing was changed");
            }
            if (tlp == Tlp.GREEN && sharing.communities().isEmpty()) {
                warnings.add("TLP:GREEN with no community chosen: only your organisation reads this report until you share it more widely");
            } else if ((tlp == Tlp.AMBER || tlp == Tlp.AMBER_STRICT) && sharing.organisations().isEmpty()) {
                warnings.add(tlp.label() + " with no recipient organisation chosen: only your organisation reads this report until you share it");
            }
            return result(plan, imported.status().name(), tlp, plan.problems(), warnings);
        } catch (ForbiddenException | org.vigie.server.web.FieldException e) {
            throw e; // not this event's fault: the importer may not write these reports at all
        } catch (ErrorResponseException e) {
            if (!partial) {
                throw MispRejectedException.refused(plan, e);
            }
            String detail = e.getBody().getDetail();
            return result(plan, "REJECTED", tlp, List.of(new MispFault(plan.index(), plan.uuid(), plan.info(), plan.pointer(), null, null, null,
                    null, "event", detail == null ? e.getMessage() : detail)), plan.warnings());
        }
    }

    private boolean exists(Member reader, String id) {
        try {
            store.get(reader, id, Optional.empty());
            return true;
        } catch (NotFoundException e) {
            return false;
        }
    }

    private ObjectNode actorObject(MispEventMapper.Actor actor) {
        Instant now = clock.instant();
        ObjectNode object = json.createObjectNode();
        object.put("type", actor.type());
        object.put("spec_version", "2.1");
        object.put("id", actor.id());
        object.put("created", MispEventMapper.time(now));
        object.put("modified", MispEventMapper.time(now));
        object.put("name", actor.name());
        if (actor.description() != null && !actor.description().isBlank()) {
            object.put("description", actor.description().strip());
        }
        return object;
    }

    private static MispEventResult result(MispEventMapper.Plan plan, String status, Tlp tlp, List<MispFault> problems, List<String> warnings) {
        return new MispEventResult(plan.index(), plan.uuid(), plan.info(), status, plan.reportId(), tlp == null ? null : tlp.name(),
                plan.pap() == null ? null : plan.pap().name(), plan.draft().disarmTechniques(), plan.observables(), plan.indicators(),
                plan.preserved(), plan.skipped(), List.copyOf(problems), List.copyOf(warnings));
    }
}

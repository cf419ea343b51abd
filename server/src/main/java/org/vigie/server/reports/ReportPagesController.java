package org.vigie.server.reports;

import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.vigie.core.accounts.Member;
import org.vigie.core.accounts.Permission;
import org.vigie.core.accounts.Permissions;
import org.vigie.core.reports.Admiralty;
import org.vigie.core.reports.IncidentType;
import org.vigie.core.reports.Outcome;
import org.vigie.core.reports.ViginumCriterion;
import org.vigie.core.sharing.InformationKind;
import org.vigie.core.sharing.Pap;
import org.vigie.core.sharing.Tlp;
import org.vigie.core.taxonomy.CyclePhase;
import org.vigie.core.taxonomy.TargetCategory;
import org.vigie.server.accounts.Account;
import org.vigie.server.accounts.Accounts;
import org.vigie.server.elections.Election;
import org.vigie.server.elections.Elections;
import org.vigie.server.knowledge.KnowledgeStore;
import org.vigie.server.knowledge.SharingRequest;
import org.vigie.server.knowledge.StoredObject;
import org.vigie.server.organisations.Organisation;
import org.vigie.server.organisations.Organisations;
import org.vigie.server.reference.DisarmFramework;
import org.vigie.server.sharing.Communities;
import org.vigie.server.sharing.Community;
import org.vigie.server.web.InvalidFieldException;
import org.vigie.server.web.NotFoundException;

/**
 * Report pages: the search, the form (file and edit), a report's page with its history, comments,
 * evidence and correlations, and the victim view. They call the same services as the API.
 */
@Controller
@RequestMapping("/reports")
class ReportPagesController {

    static final int PAGE_SIZE = 25;
    private static final String FORM = "form";

    private final Reports reports;
    private final ReportComments comments;
    private final ReportEvidence evidence;
    private final ReportFormMapper mapper;
    private final ObservableInput observableInput;
    private final Elections elections;
    private final Organisations organisations;
    private final Communities communities;
    private final Accounts accounts;
    private final KnowledgeStore store;
    private final DisarmFramework disarm;
    private final org.vigie.server.web.MarkdownRenderer markdown;
    private final VictimReviews victims;

    ReportPagesController(Reports reports, ReportComments comments, ReportEvidence evidence, ReportFormMapper mapper,
                          ObservableInput observableInput, Elections elections, Organisations organisations, Communities communities,
                          Accounts accounts, KnowledgeStore store, DisarmFramework disarm,
                          org.vigie.server.web.MarkdownRenderer markdown, VictimReviews victims) {
        this.markdown = markdown;
        this.victims = victims;
        this.reports = reports;
        this.comments = comments;
        this.evidence = evidence;
        this.mapper = mapper;
        this.observableInput = observableInput;
        this.elections = elections;
        this.organisations = organisations;
        this.communities = communities;
        this.accounts = accounts;
        this.store = store;
        this.disarm = disarm;
    }

    @InitBinder(FORM)
    void formFields(WebDataBinder binder) {
        binder.setAllowedFields("title", "summary", "firstSeen", "lastSeen", "electionId", "phase", "types", "outcome", "targets*",
                "disarmTechniques", "attackTechniques", "actors", "newActorName", "newActorType", "narratives", "newNarrativeName",
                "newNarrativeDescription", "viginum*", "confidence", "reliability", "credibility", "observablesText", "observableTypes",
                "keptEvidence", "tlp", "pap", "communities", "organisations", "users", "baseModified");
    }

    // ---- search and victim view ----------------------------------------------------------------

    @GetMapping
    String search(Member me, @ModelAttribute("search") ReportSearchParameters search, @RequestParam(defaultValue = "1") int page,
                  Model model) {
        Reports.Page found = reports.search(me, search.filter(observableInput), page, PAGE_SIZE);
        listModel(me, model, found);
        model.addAttribute("mayReport", Permissions.allows(me, Permission.KNOWLEDGE_SHARE));
        model.addAttribute("mayReviewWithheld", VictimReviews.mayReviewAny(me));
        model.addAttribute("electionOptions", elections.list());
        model.addAttribute("phases", CyclePhase.values());
        model.addAttribute("incidentTypes", IncidentType.values());
        model.addAttribute("outcomes", Outcome.values());
        model.addAttribute("targetCategories", TargetCategory.values());
        model.addAttribute("tlps", Tlp.values());
        var here = org.springframework.web.servlet.support.ServletUriComponentsBuilder.fromCurrentRequest();
        model.addAttribute("previousUrl", here.replaceQueryParam("page", page - 1).build().toUriString());
        model.addAttribute("nextUrl", here.replaceQueryParam("page", page + 1).build().toUriString());
        return "reports/search";
    }

    /** Incidents in which the member's own organisation is a target, attempts included. */
    @GetMapping("/targeting-us")
    String victimView(Member me, @RequestParam(defaultValue = "1") int page, Model model) {
        UUID organisation = me.organisationId();
        Reports.Page found = organisation == null ? new Reports.Page(List.of(), 1, PAGE_SIZE, false)
                : reports.search(me, ReportFilter.all().withTargetOrganisation(organisation), page, PAGE_SIZE);
        listModel(me, model, found);
        model.addAttribute("organisationName", organisation == null ? null : organisations.find(organisation).map(Organisation::name).orElse(null));
        model.addAttribute("attempts", found.rows().stream().filter(r -> r.outcome() == Outcome.ATTEMPTED).count());
        model.addAttribute("successes", found.rows().stream().filter(r -> r.outcome() == Outcome.SUCCESSFUL).count());
        return "reports/victim";
    }

    private void listModel(Member me, Model model, Reports.Page found) {
        model.addAttribute("rows", found.rows());
        model.addAttribute("page", found.page());
        model.addAttribute("more", found.more());
        model.addAttribute("organisationNames", organisationNames());
        model.addAttribute("electionNames", elections.list().stream().collect(Collectors.toMap(Election::id, Election::name)));
    }

    // ---- filing and editing --------------------------------------------------------------------

    @GetMapping("/new")
    String newReport(Member me, Model model) {
        Reports.ensureMayReport(me);
        ReportForm form = ReportFormMapper.blank();
        preselectSharing(me, form);
        return form(me, model, form, null);
    }

    /**
     * The community whose charter asks the author's sector to share incidents is preselected, with
     * the TLP level its charter gives; without one, TLP:AMBER to no one but one's own organisation.
     */
    private void preselectSharing(Member me, ReportForm form) {
        Optional<Organisation> own = me.organisation().flatMap(organisations::find);
        for (UUID id : me.organisation().map(communities::activeCommunitiesOf).orElse(Set.of())) {
            Optional<Community> community = communities.find(id);
            Optional<Tlp> tlp = community.flatMap(c -> c.charter().objectives().stream()
                    .filter(o -> o.kinds().contains(InformationKind.INCIDENTS))
                    .filter(o -> o.sectors().isEmpty() || own.map(org -> o.sectors().contains(org.sector())).orElse(false))
                    .map(o -> o.defaultTlp()).filter(java.util.Objects::nonNull).findFirst());
            if (tlp.isPresent()) {
                form.getCommunities().add(id);
                form.setTlp(tlp.get().name());
                return;
            }
        }
        form.setTlp(Tlp.AMBER.name());
    }

    @PostMapping
    String file(Member me, @ModelAttribute(FORM) ReportForm form, BindingResult errors,
                @RequestParam(name = "evidenceFiles", required = false) List<MultipartFile> files, Model model,
                RedirectAttributes redirect) throws IOException {
        Reports.ensureMayReport(me);
        try {
            List<EvidenceRef> uploaded = upload(me, files);
            form.getKeptEvidence().addAll(uploaded.stream().map(EvidenceRef::sha256).toList());
            ReportDraft draft = mapper.draft(form, cited(form, uploaded));
            List<Reports.NewActor> newActors = form.getNewActorName().isBlank() ? List.of()
                    : List.of(new Reports.NewActor(form.getNewActorName(), form.getNewActorType(), null));
            List<Reports.NewNarrative> newNarratives = form.getNewNarrativeName().isBlank() ? List.of()
                    : List.of(new Reports.NewNarrative(form.getNewNarrativeName(), form.getNewNarrativeDescription()));
            Report filed = reports.file(me, draft, newActors, newNarratives, sharing(form));
            redirect.addFlashAttribute("filed", true);
            return "redirect:/reports/" + filed.id();
        } catch (InvalidReportException invalid) {
            reject(errors, invalid);
        } catch (InvalidFieldException invalid) {
            errors.rejectValue(formField(invalid.field()), invalid.messageKey());
        }
        return form(me, model, form, null);
    }

    private List<EvidenceRef> upload(Member me, List<MultipartFile> files) throws IOException {
        List<EvidenceRef> uploaded = new ArrayList<>();
        for (MultipartFile file : files == null ? List.<MultipartFile>of() : files) {
            if (file != null && !file.isEmpty()) {
                uploaded.add(evidence.upload(me, file));
            }
        }
        return uploaded;
    }

    /** The files the form keeps (already cited, or uploaded earlier in a form sent back with errors) and the new ones. */
    private List<EvidenceRef> cited(ReportForm form, List<EvidenceRef> uploaded) {
        Map<String, EvidenceRef> all = new LinkedHashMap<>();
        for (String sha : form.getKeptEvidence()) {
            all.put(sha, evidence.cite(sha, null));
        }
        uploaded.forEach(e -> all.put(e.sha256(), e));
        return List.copyOf(all.values());
    }

    @GetMapping("/{id}/edit")
    String editForm(Member me, @PathVariable String id, Model model) {
        Report report = reports.get(me, id);
        ensureMayEdit(me, report);
        ReportForm form = mapper.form(report);
        ReportFormMapper.padded(form);
        return form(me, model, form, report);
    }

    @PostMapping("/{id}/edit")
    String edit(Member me, @PathVariable String id, @ModelAttribute(FORM) ReportForm form, BindingResult errors,
                @RequestParam(name = "evidenceFiles", required = false) List<MultipartFile> files, Model model,
                RedirectAttributes redirect) throws IOException {
        Report report = reports.get(me, id);
        ensureMayEdit(me, report);
        try {
            List<EvidenceRef> uploaded = upload(me, files);
            form.getKeptEvidence().addAll(uploaded.stream().map(EvidenceRef::sha256).toList());
            ReportDraft draft = mapper.draft(form, cited(form, uploaded));
            reports.edit(me, id, instant(form.getBaseModified()), draft);
            redirect.addFlashAttribute("edited", true);
            return "redirect:/reports/" + id;
        } catch (ReportConflictException conflict) {
            model.addAttribute("conflict", conflict.current());
            model.addAttribute("conflictHistory", reports.history(me, id).stream().findFirst().orElse(null));
            errors.reject("reports.conflict");
            form.setBaseModified(conflict.current().modified().toString());
        } catch (InvalidReportException invalid) {
            reject(errors, invalid);
        } catch (InvalidFieldException invalid) {
            errors.rejectValue(formField(invalid.field()), invalid.messageKey());
        }
        return form(me, model, form, report);
    }

    private static Instant instant(String text) {
        try {
            return text == null || text.isBlank() ? null : Instant.parse(text);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private void reject(BindingResult errors, InvalidReportException invalid) {
        for (InvalidReportException.Fault fault : invalid.faults()) {
            String field = formField(fault.field());
            Object[] arguments = fault.arguments().toArray();
            if (field.startsWith("observables")) {
                errors.rejectValue("observablesText", fault.messageKey(), arguments, fault.detail());
            } else {
                errors.rejectValue(field, fault.messageKey(), arguments, fault.detail());
            }
        }
    }

    /** API field names to form field names, where they differ. */
    private static String formField(String field) {
        return switch (field) {
            case "community" -> "communities";
            case "organisation" -> "organisations";
            case "user" -> "users";
            case "electionId", "title", "summary", "firstSeen", "lastSeen", "phase", "types", "outcome", "disarmTechniques",
                 "attackTechniques", "actors", "narratives", "confidence", "reliability", "credibility", "tlp", "pap" -> field;
            case "evidence" -> "keptEvidence";
            case "viginum" -> "viginum";
            default -> field.startsWith("targets[") || field.startsWith("observables") ? field : "title";
        };
    }

    private SharingRequest sharing(ReportForm form) {
        Tlp tlp = form.getTlp() == null || form.getTlp().isBlank() ? null : Tlp.parse(form.getTlp()).orElse(null);
        Pap pap = form.getPap() == null || form.getPap().isBlank() ? null : Pap.parse(form.getPap()).orElse(null);
        return new SharingRequest(tlp, pap, new LinkedHashSet<>(form.getCommunities()), new LinkedHashSet<>(form.getOrganisations()),
                new LinkedHashSet<>(form.getUsers()));
    }

    /** A visible actor or narrative to pick. */
    record Option(String id, String name) {
    }

    /** A person to name in a RED distribution. */
    record Person(UUID id, String displayName, String organisation) {
    }

    private String form(Member me, Model model, ReportForm form, Report editing) {
        ReportFormMapper.padded(form);
        Map<UUID, String> names = organisationNames();
        model.addAttribute(FORM, form);
        model.addAttribute("editing", editing);
        // a target decided once stays so (ADR 0008): the edit form shows the decision instead of the choice
        model.addAttribute("victimDecisions", editing == null ? Map.of() : victims.decidedTargets(editing.id()));
        model.addAttribute("electionOptions", elections.list());
        model.addAttribute("phases", CyclePhase.values());
        model.addAttribute("incidentTypes", IncidentType.values());
        model.addAttribute("outcomes", Outcome.values());
        model.addAttribute("targetCategories", TargetCategory.values());
        model.addAttribute("criteria", ViginumCriterion.values());
        model.addAttribute("reliabilities", Admiralty.Reliability.values());
        model.addAttribute("credibilities", Admiralty.Credibility.values());
        model.addAttribute("actorOptions", options(me, "threat-actor", "intrusion-set"));
        model.addAttribute("narrativeOptions", options(me, "x-vigie-narrative"));
        model.addAttribute("chosenTechniques", form.getDisarmTechniques().stream().map(disarm::technique).flatMap(Optional::stream).toList());
        model.addAttribute("keptEvidence", form.getKeptEvidence().stream().map(sha -> evidence.cite(sha, null)).toList());
        model.addAttribute("observableLines", observableInput.preview(form.getObservablesText(), form.getObservableTypes()));
        model.addAttribute("observableTypes", ObservableInput.typeKeys());
        model.addAttribute("tlps", Tlp.values());
        model.addAttribute("paps", Pap.values());
        model.addAttribute("communityOptions", me.organisation().map(communities::activeCommunitiesOf).orElse(Set.of())
                .stream().map(communities::find).flatMap(Optional::stream)
                .sorted(Comparator.comparing(Community::name, String.CASE_INSENSITIVE_ORDER)).toList());
        model.addAttribute("organisationOptions", organisations.all().stream()
                .sorted(Comparator.comparing(Organisation::name, String.CASE_INSENSITIVE_ORDER)).toList());
        model.addAttribute("people", accounts.list(me).stream().filter(Account::enabled)
                .map(a -> new Person(a.id(), a.displayName(), a.organisationId() == null ? null : names.get(a.organisationId())))
                .sorted(Comparator.comparing(Person::displayName, String.CASE_INSENSITIVE_ORDER)).toList());
        return "reports/form";
    }

    private List<Option> options(Member me, String... types) {
        List<Option> options = new ArrayList<>();
        for (String type : types) {
            store.search(me, type, null, null, 1, 200).objects()
                    .forEach(o -> options.add(new Option(o.stixId(), o.object().path("name").asText(o.stixId()))));
        }
        options.sort(Comparator.comparing(Option::name, String.CASE_INSENSITIVE_ORDER));
        return options;
    }

    /** The form's live check of pasted observables (htmx): each line typed, normalised, or refused with its reason. */
    @PostMapping("/observables/preview")
    String observablePreview(@RequestParam(defaultValue = "") String observablesText,
                             @RequestParam(name = "observableTypes", required = false) List<String> types, Model model) {
        model.addAttribute("observableLines", observableInput.preview(observablesText, types == null ? List.of() : types));
        model.addAttribute("observableTypes", ObservableInput.typeKeys());
        return "reports/form :: observable-preview";
    }

    /** The DISARM picker's search (htmx): techniques whose id or name matches. */
    @GetMapping("/techniques")
    String techniques(@RequestParam(defaultValue = "") String q, Model model) {
        model.addAttribute("found", q.isBlank() ? List.of() : disarm.search(q).stream().limit(20).toList());
        return "reports/form :: technique-results";
    }

    // ---- a report ------------------------------------------------------------------------------

    @GetMapping("/{id}")
    String report(Member me, @PathVariable String id, @RequestParam(required = false) Instant version, Model model) {
        Report report = version == null ? reports.get(me, id) : reports.version(me, id, version);
        Map<UUID, String> names = organisationNames();
        ReportDraft d = report.content();
        model.addAttribute("report", report);
        model.addAttribute("d", d);
        model.addAttribute("owner", names.get(report.sharing().ownerOrganisation()));
        model.addAttribute("organisationNames", names);
        model.addAttribute("election", d.electionId() == null ? null : elections.find(d.electionId()).orElse(null));
        model.addAttribute("techniques", d.disarmTechniques().stream()
                .map(t -> disarm.technique(t).map(x -> new Option(x.id(), x.name())).orElse(new Option(t, t))).toList());
        model.addAttribute("actors", d.actorRefs().stream().map(ref -> named(me, ref)).toList());
        model.addAttribute("narratives", d.narrativeRefs().stream().map(ref -> named(me, ref)).toList());
        model.addAttribute("criteria", ViginumCriterion.values());
        model.addAttribute("history", reports.history(me, id));
        model.addAttribute("summaryHtml", markdown.toSafeHtml(d.summary()));
        model.addAttribute("comments", comments.of(me, id).stream()
                .map(c -> new ShownComment(c, markdown.toSafeHtml(c.text()))).toList());
        model.addAttribute("related", reports.related(me, report));
        model.addAttribute("overCorrelating", reports.overCorrelating(report));
        model.addAttribute("correlationCap", reports.correlationCap());
        model.addAttribute("mayEdit", reports.mayEdit(me, report) && report.latest());
        model.addAttribute("victims", victims.view(me, report));
        model.addAttribute("mayComment", Permissions.allows(me, Permission.KNOWLEDGE_SHARE));
        model.addAttribute("sharedCommunities", report.sharing().distribution().communities().stream().map(communities::find)
                .flatMap(Optional::stream).map(Community::name).sorted().toList());
        model.addAttribute("sharedOrganisations", report.sharing().distribution().organisations().stream().map(names::get)
                .filter(java.util.Objects::nonNull).sorted().toList());
        model.addAttribute("tlps", Tlp.values());
        model.addAttribute("paps", Pap.values());
        model.addAttribute("communityOptions", me.organisation().map(communities::activeCommunitiesOf).orElse(Set.of())
                .stream().map(communities::find).flatMap(Optional::stream)
                .sorted(Comparator.comparing(Community::name, String.CASE_INSENSITIVE_ORDER)).toList());
        model.addAttribute("organisationOptions", organisations.all().stream()
                .sorted(Comparator.comparing(Organisation::name, String.CASE_INSENSITIVE_ORDER)).toList());
        return "reports/report";
    }

    /** A comment with its Markdown made safe HTML. */
    record ShownComment(ReportComments.Comment comment, String html) {
    }

    /** An actor's or narrative's name if the reader may see it; its id otherwise (the id is in the report they can read). */
    private Option named(Member me, String ref) {
        try {
            StoredObject found = store.get(me, ref, Optional.empty());
            return new Option(ref, found.object().path("name").asText(ref));
        } catch (NotFoundException e) {
            return new Option(ref, null);
        }
    }

    @PostMapping("/{id}/revoke")
    String revoke(Member me, @PathVariable String id, RedirectAttributes redirect) {
        reports.revoke(me, id);
        redirect.addFlashAttribute("revoked", true);
        return "redirect:/reports/" + id;
    }

    @PostMapping("/{id}/share")
    String widen(Member me, @PathVariable String id, @RequestParam(required = false) String tlp,
                 @RequestParam(required = false) List<UUID> communities, @RequestParam(required = false) List<UUID> organisations,
                 RedirectAttributes redirect) {
        Tlp level = tlp == null || tlp.isBlank() ? null : Tlp.parse(tlp).orElse(null);
        try {
            reports.widen(me, id, new SharingRequest(level, null, communities == null ? Set.of() : new LinkedHashSet<>(communities),
                    organisations == null ? Set.of() : new LinkedHashSet<>(organisations), Set.of()));
            redirect.addFlashAttribute("widened", true);
        } catch (InvalidFieldException refused) {
            redirect.addFlashAttribute("shareError", refused.messageKey());
        }
        return "redirect:/reports/" + id;
    }

    @PostMapping("/{id}/comments")
    String comment(Member me, @PathVariable String id, @RequestParam(defaultValue = "") String text,
                   @RequestParam(defaultValue = "") String tlp, RedirectAttributes redirect) {
        Report report = reports.get(me, id);
        Tlp level = tlp.isBlank() ? report.sharing().tlp() : Tlp.parse(tlp).orElse(report.sharing().tlp());
        // a comment goes to the report's own readers (at its own level): the communities the commenter is in too,
        // the report's organisations and people, and the commenter
        Set<UUID> to = new LinkedHashSet<>(report.sharing().distribution().communities());
        to.retainAll(me.organisation().map(communities::activeCommunitiesOf).orElse(Set.of()));
        Set<UUID> people = new LinkedHashSet<>(report.sharing().distribution().users());
        people.add(me.accountId());
        try {
            comments.add(me, id, text, new SharingRequest(level, null, to, report.sharing().distribution().organisations(), people));
            redirect.addFlashAttribute("commented", true);
        } catch (InvalidFieldException invalid) {
            redirect.addFlashAttribute("commentError", invalid.messageKey());
        }
        return "redirect:/reports/" + id + "#comments";
    }

    @GetMapping("/{id}/evidence/{sha256}")
    ResponseEntity<StreamingResponseBody> download(Member me, @PathVariable String id, @PathVariable String sha256) {
        return evidence.download(me, id, sha256);
    }

    private void ensureMayEdit(Member me, Report report) {
        if (!reports.mayEdit(me, report)) {
            throw new org.vigie.server.web.ForbiddenException("Only the organisation that filed this report may change it.");
        }
    }

    private Map<UUID, String> organisationNames() {
        return organisations.all().stream().collect(Collectors.toMap(Organisation::id, Organisation::name, (a, b) -> a));
    }
}

package org.vigie.server.knowledge;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.vigie.core.accounts.Member;
import org.vigie.core.accounts.Permission;
import org.vigie.core.accounts.Permissions;
import org.vigie.core.sharing.Distribution;
import org.vigie.core.sharing.Pap;
import org.vigie.core.sharing.Sharing;
import org.vigie.core.sharing.Tlp;
import org.vigie.server.accounts.Account;
import org.vigie.server.accounts.Accounts;
import org.vigie.server.organisations.Organisation;
import org.vigie.server.organisations.Organisations;
import org.vigie.server.sharing.Communities;
import org.vigie.server.sharing.Community;
import org.vigie.server.web.ForbiddenException;
import org.vigie.server.web.InvalidFieldException;
import org.vigie.server.web.NotFoundException;

/**
 * Knowledge pages: browse and search, an object's page, and the share form. They mirror the
 * objects API and, like it, read and write only through {@link KnowledgeStore}, so the visibility
 * policy decides what they show.
 */
@Controller
@RequestMapping("/knowledge")
class KnowledgePagesController {

    static final int PAGE_SIZE = 25;
    /** An uploaded file refused is shown back in the text area up to this size; larger ones are only named by their faults. */
    private static final int SHOWN_FILE_CHARS = 1024 * 1024;
    private static final String FORM = "form";
    /** The types people look for most; any other type is still found with "any type". */
    static final List<String> TYPES = List.of("attack-pattern", "campaign", "course-of-action", "grouping", "identity",
            "incident", "indicator", "infrastructure", "intrusion-set", "location", "malware", "note", "observed-data",
            "opinion", "relationship", "report", "sighting", "threat-actor", "tool", "vulnerability");

    private final KnowledgeStore store;
    private final Organisations organisations;
    private final Communities communities;
    private final Accounts accounts;
    private final ObjectMapper json;
    private final org.springframework.beans.factory.ObjectProvider<VersionOrigins> origins;

    KnowledgePagesController(KnowledgeStore store, Organisations organisations, Communities communities, Accounts accounts,
                             ObjectMapper json, org.springframework.beans.factory.ObjectProvider<VersionOrigins> origins) {
        this.origins = origins;
        this.store = store;
        this.organisations = organisations;
        this.communities = communities;
        this.accounts = accounts;
        this.json = json;
    }

    /** Only what a person types or picks: never an owner, never a version. */
    @InitBinder(FORM)
    void allowedFields(WebDataBinder binder) {
        binder.setAllowedFields("text", "tlp", "pap", "communities", "organisations", "users", "partial");
    }

    // ---- browse --------------------------------------------------------------------------------

    /** One line of the results. */
    record Row(String stixId, String type, String name, Tlp tlp, Pap pap, String owner, Instant modified) {
    }

    /** The search as typed, echoed back into the form and the paging links. */
    record Query(String type, String q) {
    }

    @GetMapping
    String browse(Member me, @RequestParam(required = false) String type, @RequestParam(required = false) String q,
                  @RequestParam(defaultValue = "1") String page,
                  @RequestHeader(name = "HX-Request", required = false) String htmx,
                  @RequestHeader(name = "HX-History-Restore-Request", required = false) String historyRestore,
                  Model model, HttpServletResponse response) {
        String wantedType = type == null || type.isBlank() ? null : type.trim();
        String text = q == null || q.isBlank() ? null : q.trim();
        KnowledgeStore.Page found = store.search(me, wantedType, text, null, pageNumber(page), PAGE_SIZE);
        Map<UUID, String> names = organisationNames();
        model.addAttribute("query", new Query(wantedType, text));
        model.addAttribute("types", TYPES);
        model.addAttribute("rows", found.objects().stream().map(o -> row(o, names)).toList());
        model.addAttribute("page", found.page());
        model.addAttribute("more", found.more());
        model.addAttribute("mayShare", Permissions.allows(me, Permission.KNOWLEDGE_SHARE));
        // The same URL answers a page or a fragment: caches must keep them apart.
        response.addHeader("Vary", "HX-Request");
        return htmx != null && historyRestore == null ? "knowledge/browse :: results" : "knowledge/browse";
    }

    private static int pageNumber(String page) {
        try {
            return Math.max(1, Integer.parseInt(page.trim()));
        } catch (NumberFormatException e) {
            return 1; // an edited address: the first page rather than an error
        }
    }

    private static Row row(StoredObject o, Map<UUID, String> names) {
        String name = o.object().path("name").asText("");
        return new Row(o.stixId(), o.type(), name.isBlank() ? null : name, o.sharing().tlp(), o.sharing().pap(),
                o.sharing().ownerOrganisation() == null ? null : names.get(o.sharing().ownerOrganisation()), o.modified());
    }

    private Map<UUID, String> organisationNames() {
        return organisations.all().stream().collect(Collectors.toMap(Organisation::id, Organisation::name, (a, b) -> a));
    }

    // ---- one object ----------------------------------------------------------------------------

    /** A reference found in {@code external_references}. */
    record ExternalId(String source, String externalId, String url) {
    }

    /** A version in the list of versions: its {@code modified} as the object writes it, for the link. */
    record Version(String modified, Instant addedAt, boolean latest, boolean shown, VersionOrigins.Origin origin) {
    }

    @GetMapping("/objects/{stixId}")
    String object(Member me, @PathVariable String stixId, @RequestParam(required = false) String version, Model model)
            throws JsonProcessingException {
        Optional<Instant> at;
        try {
            at = Optional.ofNullable(version).filter(v -> !v.isBlank()).map(Instant::parse);
        } catch (DateTimeParseException e) {
            throw new NotFoundException("object", stixId); // an edited address names no version
        }
        StoredObject shown = store.get(me, stixId, at);
        List<StoredObject> versions = store.versions(me, stixId);
        JsonNode object = shown.object();
        Sharing sharing = shown.sharing();
        Distribution distribution = sharing.distribution();

        List<ExternalId> externalIds = new ArrayList<>();
        object.path("external_references").forEach(ref -> externalIds.add(new ExternalId(text(ref, "source_name"),
                text(ref, "external_id"), text(ref, "url"))));
        model.addAttribute("item", shown);
        model.addAttribute("name", text(object, "name"));
        model.addAttribute("description", text(object, "description"));
        model.addAttribute("created", text(object, "created"));
        model.addAttribute("modifiedText", text(object, "modified"));
        model.addAttribute("externalIds", externalIds);
        model.addAttribute("pretty", json.writerWithDefaultPrettyPrinter().writeValueAsString(object));
        model.addAttribute("owner", sharing.ownerOrganisation() == null ? null
                : organisations.find(sharing.ownerOrganisation()).map(Organisation::name).orElse(null));
        model.addAttribute("reference", sharing.ownerOrganisation() == null);
        model.addAttribute("sharedCommunities", distribution.communities().stream()
                .map(communities::find).flatMap(Optional::stream).map(Community::name).sorted().toList());
        model.addAttribute("sharedOrganisations", distribution.organisations().stream()
                .map(organisations::find).flatMap(Optional::stream).map(Organisation::name).sorted().toList());
        model.addAttribute("namedPeople", distribution.users().size());
        java.util.Map<Instant, VersionOrigins.Origin> received = new java.util.HashMap<>();
        origins.orderedStream().forEach(source -> received.putAll(source.of(stixId)));
        model.addAttribute("versions", versions.stream()
                .map(v -> new Version(v.object().path("modified").asText(v.modified().toString()), v.addedAt(), v.latest(),
                        v.modified().equals(shown.modified()), received.get(v.modified())))
                .toList());
        return "knowledge/object";
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.isValueNode() ? value.asText() : value.toString();
    }

    // ---- share ---------------------------------------------------------------------------------

    /** What the result of a share says about one object; kept in the flash across the redirect. */
    record Stored(String id, String modified, StoreOutcome.Status status, List<String> problems) implements Serializable {
    }

    /** A refused object's fault, where it is. */
    record Fault(String pointer, String message) {
    }

    @GetMapping("/share")
    String shareForm(Member me, Model model) {
        ensureMayShare(me);
        return form(me, model, new ShareForm(), List.of(), null);
    }

    @PostMapping("/share")
    String share(Member me, @ModelAttribute(FORM) ShareForm form, BindingResult errors,
                 @RequestParam(name = "file", required = false) MultipartFile file, Model model, RedirectAttributes redirect)
            throws IOException {
        ensureMayShare(me);
        String body = form.getText() == null ? "" : form.getText();
        boolean fileTooLarge = file != null && file.getSize() > ObjectApiController.MAX_BODY_BYTES;
        if (fileTooLarge) {
            // the container takes files up to the evidence limit; this page takes what the objects API takes
            errors.rejectValue("text", "knowledge.share.fileTooLarge",
                    new Object[] {ObjectApiController.MAX_BODY_BYTES / (1024 * 1024)}, "file too large");
        } else if (file != null && !file.isEmpty()) {
            body = new String(file.getBytes(), StandardCharsets.UTF_8);
        }
        Tlp tlp = null;
        Pap pap = null;
        if (form.getTlp() != null && !form.getTlp().isBlank()) {
            tlp = Tlp.parse(form.getTlp()).orElse(null);
            if (tlp == null) {
                errors.rejectValue("tlp", "knowledge.tlp.invalid");
            }
        }
        if (form.getPap() != null && !form.getPap().isBlank()) {
            pap = Pap.parse(form.getPap()).orElse(null);
            if (pap == null) {
                errors.rejectValue("pap", "knowledge.pap.invalid");
            }
        }
        JsonNode parsed = null;
        String parseError = null;
        if (fileTooLarge) {
            // named above; nothing of the file was read
        } else if (body.isBlank()) {
            errors.rejectValue("text", "knowledge.share.empty");
        } else {
            try {
                parsed = json.readTree(body);
            } catch (JsonProcessingException e) {
                parseError = e.getLocation() == null ? "?" : e.getLocation().getLineNr() + ":" + e.getLocation().getColumnNr();
                errors.rejectValue("text", "knowledge.share.malformed",
                        new Object[] {e.getLocation() == null ? 0 : e.getLocation().getLineNr(),
                                e.getLocation() == null ? 0 : e.getLocation().getColumnNr()}, "not JSON");
            }
        }
        List<Fault> faults = List.of();
        if (!errors.hasErrors() && parsed != null) {
            boolean bundle = parsed.isObject() && "bundle".equals(parsed.path("type").asText());
            List<JsonNode> objects = new ArrayList<>();
            if (bundle && !parsed.path("objects").isArray()) {
                errors.rejectValue("text", "knowledge.bundle.noObjects");
            } else {
                if (bundle) {
                    parsed.get("objects").forEach(objects::add);
                } else {
                    objects.add(parsed);
                }
                SharingRequest request = new SharingRequest(tlp, pap, new LinkedHashSet<>(form.getCommunities()),
                        new LinkedHashSet<>(form.getOrganisations()), new LinkedHashSet<>(form.getUsers()));
                try {
                    StoreOutcome outcome = store.store(me, objects, bundle ? "/objects" : "", request, form.isPartial());
                    redirect.addFlashAttribute("stored", outcome.results().stream()
                            .map(r -> new Stored(r.id(), r.modified(), r.status(),
                                    r.problems().stream().map(p -> p.pointer() + ": " + p.message()).toList()))
                            .toList());
                    return "redirect:/knowledge/share";
                } catch (ObjectsRejectedException rejected) {
                    faults = faults(rejected);
                    errors.reject("knowledge.share.rejected");
                } catch (InvalidFieldException invalid) {
                    errors.rejectValue(switch (invalid.field()) {
                        case "community" -> "communities";
                        case "organisation" -> "organisations";
                        case "user" -> "users";
                        case "tlp", "pap" -> invalid.field();
                        default -> "text";
                    }, invalid.messageKey());
                }
            }
        }
        if (file != null && !file.isEmpty() && (form.getText() == null || form.getText().isBlank())
                && body.length() <= SHOWN_FILE_CHARS) {
            form.setText(body); // what was sent, so that it can be corrected here
        }
        return form(me, model, form, faults, parseError);
    }

    @SuppressWarnings("unchecked")
    private static List<Fault> faults(ObjectsRejectedException rejected) {
        Map<String, Object> properties = rejected.getBody().getProperties();
        Object errors = properties == null ? null : properties.get("errors");
        if (!(errors instanceof List<?> list)) {
            return List.of();
        }
        return list.stream().filter(Map.class::isInstance).map(e -> (Map<String, Object>) e)
                .map(e -> new Fault(String.valueOf(e.get("pointer")), String.valueOf(e.get("message"))))
                .toList();
    }

    /** A person to name in a RED distribution, as the form lists them. */
    record Person(UUID id, String displayName, String organisation) {
    }

    /** A community the member's organisation may share in. */
    record CommunityOption(UUID id, String name) {
    }

    private String form(Member me, Model model, ShareForm form, List<Fault> faults, String parseError) {
        Map<UUID, String> names = organisationNames();
        model.addAttribute(FORM, form);
        model.addAttribute("faults", faults);
        model.addAttribute("parseError", parseError);
        model.addAttribute("tlps", Tlp.values());
        model.addAttribute("paps", Pap.values());
        model.addAttribute("communityOptions", me.organisation().map(communities::activeCommunitiesOf).orElse(java.util.Set.of())
                .stream().map(communities::find).flatMap(Optional::stream)
                .map(c -> new CommunityOption(c.id(), c.name()))
                .sorted(Comparator.comparing(CommunityOption::name, String.CASE_INSENSITIVE_ORDER)).toList());
        model.addAttribute("organisationOptions", organisations.all().stream()
                .sorted(Comparator.comparing(Organisation::name, String.CASE_INSENSITIVE_ORDER)).toList());
        model.addAttribute("people", accounts.list(me).stream()
                .filter(Account::enabled)
                .map(a -> new Person(a.id(), a.displayName(), a.organisationId() == null ? null : names.get(a.organisationId())))
                .sorted(Comparator.comparing(Person::displayName, String.CASE_INSENSITIVE_ORDER)).toList());
        return "knowledge/share";
    }

    private static void ensureMayShare(Member me) {
        if (!Permissions.allows(me, Permission.KNOWLEDGE_SHARE)) {
            throw new ForbiddenException("Only analysts and administrators of an organisation share objects.");
        }
    }
}

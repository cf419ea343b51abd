package org.vigie.server.response;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.vigie.core.accounts.Member;
import org.vigie.core.accounts.OrganisationRole;
import org.vigie.core.reports.IncidentType;
import org.vigie.core.response.Severity;
import org.vigie.core.taxonomy.TargetCategory;
import org.vigie.server.alerts.Notifications;
import org.vigie.server.sharing.Communities;
import org.vigie.server.sharing.Community;
import org.vigie.server.web.FieldException;
import org.vigie.server.web.FormActions;
import org.vigie.server.web.NotFoundException;

/** Pages: a community's protocols, the box on report and campaign pages, the response board, the dashboard. */
@Controller
class ResponsePagesController {

    /** Levels the protocol form offers; a level left without a name is not part of the protocol. */
    static final int FORM_LEVELS = 3;

    private final Protocols protocols;
    private final Responses responses;
    private final Communities communities;
    private final Notifications notifications;

    ResponsePagesController(Protocols protocols, Responses responses, Communities communities, Notifications notifications) {
        this.protocols = protocols;
        this.responses = responses;
        this.communities = communities;
        this.notifications = notifications;
    }

    // ---- protocols ---------------------------------------------------------------------------------

    /** One level's fieldset of the protocol form, empty or filled from the protocol being edited. */
    record FormLevel(int index, String name, List<UUID> organisations, List<String> roles, String checklist, Integer minutes) {
    }

    @GetMapping("/communities/{id}/protocols")
    String protocols(Member me, @PathVariable UUID id, @RequestParam(required = false) UUID edit, Model model) {
        Community community = communities.find(id).orElseThrow(() -> new NotFoundException("community", id));
        Protocol editing = edit == null ? null : protocols.get(me, id, edit);
        List<FormLevel> formLevels = new ArrayList<>();
        int count = editing == null ? FORM_LEVELS : Math.min(Protocols.MAX_LEVELS, Math.max(FORM_LEVELS, editing.levels().size() + 1));
        for (int i = 0; i < count; i++) {
            Protocol.Level l = editing != null && i < editing.levels().size() ? editing.levels().get(i) : null;
            formLevels.add(l == null ? new FormLevel(i, "", List.of(), List.of(), "", null)
                    : new FormLevel(i, l.name(), l.organisations(), l.roles().stream().map(Enum::name).toList(), String.join("\n", l.checklist()),
                    (int) l.acknowledgeWithin().toMinutes()));
        }
        model.addAttribute("editing", editing);
        model.addAttribute("formLevels", formLevels);
        model.addAttribute("community", community);
        model.addAttribute("protocols", protocols.list(me, id));
        model.addAttribute("mayManage", protocols.mayManage(me, id));
        model.addAttribute("members", communities.members(id));
        model.addAttribute("types", IncidentType.values());
        model.addAttribute("severities", Severity.values());
        model.addAttribute("categories", TargetCategory.values());
        model.addAttribute("roles", OrganisationRole.values());
        return "response/protocols";
    }

    @PostMapping("/communities/{id}/protocols")
    String create(Member me, @PathVariable UUID id, @RequestParam String name, @RequestParam(defaultValue = "") String description,
                  @RequestParam(required = false) List<String> incidentTypes, @RequestParam(defaultValue = "") String minSeverity,
                  @RequestParam(required = false) List<String> targetCategories,
                  @RequestParam org.springframework.util.MultiValueMap<String, String> form, Model model) {
        return save(me, id, null, name, description, incidentTypes, minSeverity, targetCategories, form, model);
    }

    @PostMapping("/communities/{id}/protocols/{protocol}")
    String update(Member me, @PathVariable UUID id, @PathVariable UUID protocol, @RequestParam String name,
                  @RequestParam(defaultValue = "") String description, @RequestParam(required = false) List<String> incidentTypes,
                  @RequestParam(defaultValue = "") String minSeverity, @RequestParam(required = false) List<String> targetCategories,
                  @RequestParam org.springframework.util.MultiValueMap<String, String> form, Model model) {
        return save(me, id, protocol, name, description, incidentTypes, minSeverity, targetCategories, form, model);
    }

    private String save(Member me, UUID id, UUID protocol, String name, String description, List<String> incidentTypes, String minSeverity,
                        List<String> targetCategories, org.springframework.util.MultiValueMap<String, String> form, Model model) {
        List<ProtocolRequest.LevelRequest> levels = new ArrayList<>();
        for (int i = 0; i < Protocols.MAX_LEVELS; i++) {
            String levelName = form.getFirst("level" + i + "Name");
            if (levelName == null || levelName.isBlank()) {
                continue;
            }
            List<UUID> orgs = form.getOrDefault("level" + i + "Organisations", List.of()).stream().map(UUID::fromString).toList();
            String minutes = form.getFirst("level" + i + "Minutes");
            Integer within;
            try {
                within = minutes == null || minutes.isBlank() ? null : Integer.valueOf(minutes.strip());
            } catch (NumberFormatException e) {
                within = -1;
            }
            List<String> checklist = List.of(String.valueOf(form.getFirst("level" + i + "Checklist")).split("\\R"));
            levels.add(new ProtocolRequest.LevelRequest(levelName, orgs, form.getOrDefault("level" + i + "Roles", List.of()),
                    form.getFirst("level" + i + "Checklist") == null ? List.of() : checklist, within));
        }
        try {
            ProtocolRequest request = new ProtocolRequest(name, description, incidentTypes, minSeverity.isBlank() ? null : minSeverity,
                    targetCategories, levels, !"false".equals(form.getFirst("active")));
            if (protocol == null) {
                protocols.create(me, id, request);
            } else {
                protocols.update(me, id, protocol, request);
            }
        } catch (FieldException e) {
            model.addAttribute("error", e.messageKey());
            model.addAttribute("errorField", e.field());
            model.addAttribute("errorDetail", e.getBody().getDetail());
            return protocols(me, id, protocol, model);
        }
        return "redirect:/communities/" + id + "/protocols?created";
    }

    @PostMapping("/communities/{id}/protocols/{protocol}/delete")
    String delete(Member me, @PathVariable UUID id, @PathVariable UUID protocol) {
        protocols.delete(me, id, protocol);
        return "redirect:/communities/" + id + "/protocols?deleted";
    }

    // ---- the box on a report's or campaign's page (loaded by htmx) -----------------------------------

    @GetMapping("/response/subject")
    String box(Member me, @RequestParam String subject, Model model) {
        model.addAttribute("box", responses.box(me, subject));
        return "response/box :: box";
    }

    @PostMapping("/response/activate")
    String activate(Member me, @RequestParam UUID protocolId, @RequestParam String subjectId, RedirectAttributes redirect) {
        Responses.Activation activation = responses.activate(me, protocolId, subjectId);
        redirect.addFlashAttribute("unreachable", activation.unreachableOrganisations());
        redirect.addFlashAttribute("alertedCount", activation.alerted());
        return "redirect:/response/boards/" + activation.board().id();
    }

    // ---- the board ---------------------------------------------------------------------------------

    @GetMapping("/response/boards/{id}")
    String board(Member me, @PathVariable UUID id, Model model) {
        model.addAttribute("view", responses.board(me, id));
        model.addAttribute("disarmAttribution", org.vigie.server.reference.DisarmFramework.ATTRIBUTION);
        return "response/board";
    }

    @PostMapping("/response/boards/{id}/tasks")
    String addTask(Member me, @PathVariable UUID id, @RequestParam String title, @RequestParam(required = false) UUID owner,
                   @RequestParam(defaultValue = "") String due, RedirectAttributes redirect) {
        return act(id, redirect, () -> responses.addTask(me, id, title, owner, instant(due)));
    }

    @PostMapping("/response/boards/{id}/tasks/{task}/assign")
    String assign(Member me, @PathVariable UUID id, @PathVariable UUID task, @RequestParam(required = false) UUID owner,
                  @RequestParam(defaultValue = "") String due, RedirectAttributes redirect) {
        return act(id, redirect, () -> responses.assignTask(me, id, task, owner, instant(due)));
    }

    @PostMapping("/response/boards/{id}/tasks/{task}/complete")
    String complete(Member me, @PathVariable UUID id, @PathVariable UUID task, RedirectAttributes redirect) {
        return act(id, redirect, () -> responses.completeTask(me, id, task));
    }

    @PostMapping("/response/boards/{id}/decisions")
    String decide(Member me, @PathVariable UUID id, @RequestParam String text, RedirectAttributes redirect) {
        return act(id, redirect, () -> responses.decide(me, id, text));
    }

    @PostMapping("/response/boards/{id}/options")
    String option(Member me, @PathVariable UUID id, @RequestParam(defaultValue = "") String option,
                  @RequestParam(defaultValue = "") String countermeasure, @RequestParam(defaultValue = "") String rationale,
                  RedirectAttributes redirect) {
        return act(id, redirect, () -> {
            if (!countermeasure.isBlank()) {
                responses.chooseCountermeasure(me, id, countermeasure, rationale);
            } else {
                responses.chooseOption(me, id, option, rationale);
            }
        });
    }

    @PostMapping("/response/boards/{id}/communications")
    String communicate(Member me, @PathVariable UUID id, @RequestParam String recipients, @RequestParam(defaultValue = "") String channel,
                       @RequestParam String summary, RedirectAttributes redirect) {
        return act(id, redirect, () -> responses.communicate(me, id, recipients, channel, summary));
    }

    @PostMapping("/response/boards/{id}/close")
    String close(Member me, @PathVariable UUID id, @RequestParam(defaultValue = "") String text, RedirectAttributes redirect) {
        return act(id, redirect, () -> responses.close(me, id, text));
    }

    /** Acknowledges the member's own alert from the board (the same act as in the notification centre). */
    @PostMapping("/response/boards/{id}/acknowledge/{notification}")
    String acknowledge(Member me, @PathVariable UUID id, @PathVariable UUID notification) {
        notifications.acknowledge(me, notification);
        return "redirect:/response/boards/" + id;
    }

    private String act(UUID id, RedirectAttributes redirect, Runnable action) {
        return FormActions.runThenRedirect("/response/boards/" + id, redirect, action);
    }

    private static Instant instant(String value) {
        return FormActions.utcDateTime(value, "dueAt", "response.task.due.invalid");
    }

    // ---- the dashboard -----------------------------------------------------------------------------

    @GetMapping("/response")
    String dashboard(Member me, Model model) {
        model.addAttribute("dashboard", responses.dashboard(me));
        return "response/dashboard";
    }
}

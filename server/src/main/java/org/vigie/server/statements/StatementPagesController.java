package org.vigie.server.statements;

import java.time.Instant;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.vigie.core.accounts.Member;
import org.vigie.core.panel.Readability;
import org.vigie.core.reports.IncidentType;
import org.vigie.core.taxonomy.CyclePhase;
import org.vigie.server.elections.Elections;
import org.vigie.server.web.FieldException;
import org.vigie.server.web.FormActions;
import org.vigie.server.web.InvalidFieldException;

/**
 * The panel's statement pages: the list (and the decisions waiting for a statement), the form from
 * the template with a live readability hint (htmx), the statement with its versions, approvals,
 * schedule, notices and corrections, and the notice page its recipients open from the notification.
 */
@Controller
class StatementPagesController {

    private final Statements statements;
    private final StatementTemplate template;
    private final Elections elections;

    StatementPagesController(Statements statements, StatementTemplate template, Elections elections) {
        this.statements = statements;
        this.template = template;
        this.elections = elections;
    }

    @GetMapping("/statements")
    String list(Member me, Model model) {
        model.addAttribute("statements", statements.list(me));
        model.addAttribute("toDraft", statements.toDraft(me));
        return "statements/list";
    }

    @GetMapping("/statements/new")
    String newStatement(Member me, @RequestParam UUID decision, Model model) {
        StatementTemplate.Template t = template.forDecision(statements.decisionToDraft(me, decision, null));
        Map<String, String> values = new HashMap<>();
        for (Section s : Section.values()) {
            values.put("fr." + s.property(), t.prefillFr().get(s));
            values.put("en." + s.property(), t.prefillEn().get(s));
        }
        values.put("electionId", t.electionId() == null ? "" : t.electionId().toString());
        return form(model, values, t.decisionId(), null, t.panelName(), null);
    }

    @PostMapping("/statements")
    String create(Member me, @RequestParam Map<String, String> params, Model model) {
        UUID decision = uuid(params.get("decisionId"), "decisionId");
        try {
            Statement created = statements.create(me, decision, null, draft(params));
            return "redirect:/statements/" + created.id() + "?drafted";
        } catch (FieldException e) {
            PanelRecords.Decision d = statements.decisionToDraft(me, decision, null);
            return form(model, params, decision, null, d.panelName(), e);
        }
    }

    @GetMapping("/statements/{id}")
    String statement(Member me, @PathVariable UUID id, Model model) {
        Statements.StatementView view = statements.view(me, id);
        model.addAttribute("view", view);
        model.addAttribute("myAccount", me.accountId());
        Map<String, String> values = new HashMap<>();
        for (Section s : Section.values()) {
            values.put("fr." + s.property(), view.current().fr().get(s));
            values.put("en." + s.property(), view.current().en().get(s));
        }
        var c = view.current().classification();
        values.put("incidentType", c.incidentType() == null ? "" : c.incidentType().name());
        values.put("cyclePhase", c.cyclePhase() == null ? "" : c.cyclePhase().name());
        values.put("electionId", c.electionId() == null ? "" : c.electionId().toString());
        if (!model.containsAttribute("values")) {
            model.addAttribute("values", values);
        }
        addChoices(model);
        return "statements/statement";
    }

    @PostMapping("/statements/{id}")
    String revise(Member me, @PathVariable UUID id, @RequestParam Map<String, String> params, Model model, RedirectAttributes redirect) {
        try {
            Integer base = params.get("baseVersion") == null || params.get("baseVersion").isBlank() ? null
                    : Integer.valueOf(params.get("baseVersion"));
            statements.revise(me, id, draft(params), base);
            return "redirect:/statements/" + id + "?revised";
        } catch (FieldException e) {
            model.addAttribute("values", params);
            model.addAttribute("error", e.messageKey());
            model.addAttribute("errorDetail", e.getBody().getDetail());
            model.addAttribute("errorField", e.field());
            return statement(me, id, model);
        }
    }

    @PostMapping("/statements/{id}/approve")
    String approve(Member me, @PathVariable UUID id, @RequestParam int version, RedirectAttributes redirect) {
        return act(id, redirect, () -> statements.approve(me, id, version));
    }

    @PostMapping("/statements/{id}/schedule")
    String schedule(Member me, @PathVariable UUID id, @RequestParam(defaultValue = "") String scheduledFor, RedirectAttributes redirect) {
        return act(id, redirect, () -> statements.schedule(me, id, instant(scheduledFor)));
    }

    @PostMapping("/statements/{id}/corrections")
    String correct(Member me, @PathVariable UUID id, @RequestParam(defaultValue = "") String textFr,
                   @RequestParam(defaultValue = "") String textEn, RedirectAttributes redirect) {
        redirect.addFlashAttribute("correctionFr", textFr);
        redirect.addFlashAttribute("correctionEn", textEn);
        return act(id, redirect, () -> statements.proposeCorrection(me, id, textFr, textEn));
    }

    @PostMapping("/statements/{id}/corrections/{proposal}/approve")
    String approveCorrection(Member me, @PathVariable UUID id, @PathVariable UUID proposal, RedirectAttributes redirect) {
        return act(id, redirect, () -> statements.approveCorrection(me, id, proposal));
    }

    /**
     * The live hint under each language's text: the body of that language as it stands in the form.
     * The parameter is "language", not "lang": "lang" switches the interface's language on any request.
     */
    @PostMapping("/statements/readability")
    String readability(@RequestParam("language") String lang, @RequestParam Map<String, String> params, Model model) {
        Readability.Language language = "fr".equals(lang) ? Readability.Language.FR : Readability.Language.EN;
        String prefix = "fr".equals(lang) ? "fr." : "en.";
        StatementText text = new StatementText(params.get(prefix + "title"), params.get(prefix + "whatHappened"),
                params.get(prefix + "whoIsAffected"), params.get(prefix + "whatToDo"), params.get(prefix + "whatIsBeingDone"),
                params.get(prefix + "howThePanelDecided"));
        model.addAttribute("hint", Readability.of(language, text.body()));
        return "statements/readability :: hint";
    }

    @GetMapping("/statements/{id}/notice")
    String notice(Member me, @PathVariable UUID id, Model model) {
        model.addAttribute("view", statements.notice(me, id));
        model.addAttribute("partsFr", template.parts(Locale.FRENCH));
        model.addAttribute("partsEn", template.parts(Locale.ENGLISH));
        return "statements/notice";
    }

    private String form(Model model, Map<String, String> values, UUID decision, UUID statement, String panelName, FieldException error) {
        model.addAttribute("values", values);
        model.addAttribute("decisionId", decision);
        model.addAttribute("panelName", panelName);
        if (error != null) {
            model.addAttribute("error", error.messageKey());
            model.addAttribute("errorDetail", error.getBody().getDetail());
            model.addAttribute("errorField", error.field());
        }
        addChoices(model);
        return "statements/new";
    }

    private void addChoices(Model model) {
        model.addAttribute("partsFr", template.parts(Locale.FRENCH));
        model.addAttribute("partsEn", template.parts(Locale.ENGLISH));
        model.addAttribute("incidentTypes", IncidentType.values());
        model.addAttribute("cyclePhases", CyclePhase.values());
        model.addAttribute("elections", elections.list());
    }

    private static StatementDraft draft(Map<String, String> params) {
        return new StatementDraft(text(params, "fr."), text(params, "en."), params.get("incidentType"), params.get("cyclePhase"),
                uuid(params.get("electionId"), "electionId"));
    }

    private static StatementText text(Map<String, String> params, String prefix) {
        return new StatementText(params.get(prefix + "title"), params.get(prefix + "whatHappened"), params.get(prefix + "whoIsAffected"),
                params.get(prefix + "whatToDo"), params.get(prefix + "whatIsBeingDone"), params.get(prefix + "howThePanelDecided"));
    }

    private static UUID uuid(String value, String field) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return UUID.fromString(value.strip());
        } catch (IllegalArgumentException e) {
            throw new InvalidFieldException(field, "statements.error.uuid", field + " is not an id: " + value);
        }
    }

    private String act(UUID id, RedirectAttributes redirect, Runnable action) {
        return FormActions.runThenRedirect("/statements/" + id, redirect, action);
    }

    private static Instant instant(String value) {
        return FormActions.utcDateTime(value, "scheduledFor", "statements.error.scheduleInvalid");
    }
}

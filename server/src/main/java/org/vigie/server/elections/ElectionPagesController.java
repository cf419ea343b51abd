package org.vigie.server.elections;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.vigie.core.accounts.Member;
import org.vigie.core.taxonomy.ElectionType;
import org.vigie.server.organisations.CountryOptions;
import org.vigie.server.web.FieldException;
import org.vigie.server.web.ForbiddenException;

/**
 * Election pages: the list (under way and upcoming first, then past ones), an election's page, and
 * the create and edit forms. Every decision is the {@link Elections} service's; this class only shows them.
 */
@Controller
@RequestMapping("/elections")
class ElectionPagesController {

    private static final String FORM = "form";

    private final Elections elections;

    ElectionPagesController(Elections elections) {
        this.elections = elections;
    }

    /** Only what a person types: never an id, an author or a timestamp. */
    @InitBinder(FORM)
    void allowedFields(WebDataBinder binder) {
        binder.setAllowedFields("name", "country", "type", "electionDay", "secondRoundDay", "campaignStarts", "campaignEnds",
                "description");
    }

    /** A malformed id in the address names nothing: the same "not found" as an unknown one. */
    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    void malformedId(MethodArgumentTypeMismatchException ex, HttpServletResponse response) throws IOException {
        if (!ex.getParameter().hasParameterAnnotation(PathVariable.class)) {
            throw ex;
        }
        response.sendError(HttpServletResponse.SC_NOT_FOUND);
    }

    @GetMapping
    String list(Member me, Model model) {
        LocalDate today = elections.today();
        List<Election> all = elections.list();
        model.addAttribute("today", today);
        model.addAttribute("comingElections", all.stream().filter(e -> !e.lastVotingDay().isBefore(today))
                .sorted(Comparator.comparing(Election::electionDay)).toList());
        model.addAttribute("pastElections", all.stream().filter(e -> e.lastVotingDay().isBefore(today)).toList());
        model.addAttribute("mayManage", elections.mayManage(me));
        return "elections/list";
    }

    @GetMapping("/{id}")
    String detail(Member me, @PathVariable UUID id, Model model) {
        Election election = elections.get(id);
        model.addAttribute("election", election);
        model.addAttribute("phase", election.phaseOn(elections.today()));
        model.addAttribute("mayManage", elections.mayManage(me));
        return "elections/detail";
    }

    @GetMapping("/new")
    String newForm(Member me, Model model, Locale locale) {
        ensureMayManage(me);
        return form(model, new ElectionForm(), null, locale);
    }

    @PostMapping("/new")
    String create(Member me, @ModelAttribute(FORM) ElectionForm form, BindingResult errors, Model model, Locale locale,
                  RedirectAttributes redirect) {
        ensureMayManage(me);
        checkRules(form, errors);
        if (!errors.hasErrors()) {
            try {
                Election created = elections.create(me, form.details());
                return saved(created.id(), redirect);
            } catch (FieldException refused) {
                errors.rejectValue(refused.field(), refused.messageKey());
            }
        }
        return form(model, form, null, locale);
    }

    @GetMapping("/{id}/edit")
    String editForm(Member me, @PathVariable UUID id, Model model, Locale locale) {
        Election election = elections.get(id);
        ensureMayManage(me);
        return form(model, ElectionForm.of(election), election, locale);
    }

    @PostMapping("/{id}/edit")
    String update(Member me, @PathVariable UUID id, @ModelAttribute(FORM) ElectionForm form, BindingResult errors, Model model,
                  Locale locale, RedirectAttributes redirect) {
        Election election = elections.get(id);
        ensureMayManage(me);
        checkRules(form, errors);
        if (!errors.hasErrors()) {
            try {
                elections.update(me, id, form.details());
                return saved(id, redirect);
            } catch (FieldException refused) {
                errors.rejectValue(refused.field(), refused.messageKey());
            }
        }
        return form(model, form, election, locale);
    }

    /** All broken rules at once, each next to its field; a field the binder already rejected (a date that is no date) keeps that error. */
    private static void checkRules(ElectionForm form, BindingResult errors) {
        for (ElectionRules.Problem problem : ElectionRules.check(form.details().normalised())) {
            if (!errors.hasFieldErrors(problem.field())) {
                errors.rejectValue(problem.field(), problem.messageKey());
            }
        }
    }

    /** @param editing the election being changed, or null for a new one */
    private static String form(Model model, ElectionForm form, Election editing, Locale locale) {
        model.addAttribute(FORM, form);
        model.addAttribute("editing", editing);
        model.addAttribute("types", ElectionType.values());
        model.addAttribute("countries", CountryOptions.all(locale, form.getCountry()));
        return "elections/form";
    }

    /** Post/redirect/get: reloading the page that follows does not send the form again. */
    private static String saved(UUID id, RedirectAttributes redirect) {
        redirect.addFlashAttribute("saved", "election.saved");
        return "redirect:/elections/" + id;
    }

    private void ensureMayManage(Member me) {
        if (!elections.mayManage(me)) {
            throw new ForbiddenException("Only platform administrators and organisations' administrators create and change elections.");
        }
    }
}

package org.vigie.server.sharing;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.io.IOException;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.vigie.core.accounts.Member;
import org.vigie.core.organisations.Sector;
import org.vigie.core.sharing.InformationKind;
import org.vigie.core.sharing.Tlp;
import org.vigie.server.web.FieldException;
import org.vigie.server.web.ForbiddenException;

/**
 * Community pages: the list, a community's page (its charter, who accepted it, and the controls of
 * its administrators), and the create and edit forms. Every decision is the {@link Communities}
 * service's; this class only shows them.
 */
@Controller
@RequestMapping("/communities")
class CommunityPagesController {

    private static final String FORM = "form";
    private static final Pattern OBJECTIVE_FIELD = Pattern.compile("objectives\\[(\\d+)](\\..+)");

    private final Communities communities;

    CommunityPagesController(Communities communities) {
        this.communities = communities;
    }

    /** Only what a person types: never an id, a version or a timestamp. */
    @InitBinder(FORM)
    void allowedFields(WebDataBinder binder) {
        binder.setAllowedFields("name", "purpose", "preamble", "objectives[*].sectors", "objectives[*].kinds", "objectives[*].defaultTlp");
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
        model.addAttribute("communities", communities.all(me));
        model.addAttribute("mayCreate", communities.mayCreate(me));
        return "communities/list";
    }

    @GetMapping("/{id}")
    String detail(Member me, @PathVariable UUID id, Model model) {
        Community community = communities.get(id);
        List<Membership> members = communities.members(id);
        boolean mayAdminister = communities.mayAdminister(me, id);
        Membership mine = me == null || me.organisationId() == null ? null
                : members.stream().filter(m -> m.organisationId().equals(me.organisationId())).findFirst().orElse(null);
        model.addAttribute("community", community);
        model.addAttribute("members", members);
        model.addAttribute("acceptedCount", members.stream().filter(Membership::accepted).count());
        model.addAttribute("administrators", communities.administrators(id));
        model.addAttribute("yourMembership", mine);
        model.addAttribute("mayAccept", mine != null && !mine.accepted() && communities.mayAccept(me, id));
        model.addAttribute("mayAdminister", mayAdminister);
        if (mayAdminister) {
            model.addAttribute("organisationsToAdd", communities.organisationsToAdd(id));
            model.addAttribute("administratorCandidates", communities.administratorCandidates(id));
        }
        return "communities/detail";
    }

    @GetMapping("/new")
    String newForm(Member me, Model model) {
        ensureMayCreate(me);
        return form(model, CommunityForm.empty(), null);
    }

    @PostMapping("/new")
    String create(Member me, @Valid @ModelAttribute(FORM) CommunityForm form, BindingResult errors, Model model,
                  RedirectAttributes redirect) {
        ensureMayCreate(me);
        checkCharter(form, errors);
        if (!errors.hasErrors()) {
            try {
                Community created = communities.create(me, form.changes());
                return done(created.id(), "community.saved", redirect);
            } catch (FieldException refused) {
                reject(errors, form, refused);
            }
        }
        return form(model, form, null);
    }

    @GetMapping("/{id}/edit")
    String editForm(Member me, @PathVariable UUID id, Model model) {
        Community community = communities.get(id);
        ensureMayAdminister(me, id);
        return form(model, CommunityForm.of(community), community);
    }

    @PostMapping("/{id}/edit")
    String update(Member me, @PathVariable UUID id, @Valid @ModelAttribute(FORM) CommunityForm form, BindingResult errors,
                  Model model, RedirectAttributes redirect) {
        Community community = communities.get(id);
        ensureMayAdminister(me, id);
        checkCharter(form, errors);
        if (!errors.hasErrors()) {
            try {
                Community updated = communities.update(me, id, form.changes());
                return done(id, updated.charterVersion() != community.charterVersion() ? "community.charter.newVersion" : "community.saved",
                        redirect);
            } catch (FieldException refused) {
                reject(errors, form, refused);
            }
        }
        return form(model, form, community);
    }

    /**
     * @param charterVersion the version shown on the page the button was on: a charter changed since
     *                       is not accepted unread
     */
    @PostMapping("/{id}/accept")
    String accept(Member me, @PathVariable UUID id, @RequestParam(required = false) Integer charterVersion, RedirectAttributes redirect) {
        try {
            communities.acceptCharter(me, id, charterVersion);
            return done(id, "community.charter.accepted", redirect);
        } catch (FieldException refused) {
            return refused(id, refused, redirect);
        }
    }

    @PostMapping("/{id}/members")
    String addMember(Member me, @PathVariable UUID id, @RequestParam(required = false) UUID organisationId, RedirectAttributes redirect) {
        try {
            communities.addMember(me, id, organisationId);
            return done(id, "community.member.added", redirect);
        } catch (FieldException refused) {
            return refused(id, refused, redirect);
        }
    }

    @PostMapping("/{id}/members/{organisationId}/remove")
    String removeMember(Member me, @PathVariable UUID id, @PathVariable UUID organisationId, RedirectAttributes redirect) {
        communities.removeMember(me, id, organisationId);
        return done(id, "community.member.removed", redirect);
    }

    @PostMapping("/{id}/administrators")
    String appoint(Member me, @PathVariable UUID id, @RequestParam(required = false) UUID accountId, RedirectAttributes redirect) {
        try {
            communities.appointAdministrator(me, id, accountId);
            return done(id, "community.administrator.appointed", redirect);
        } catch (FieldException refused) {
            return refused(id, refused, redirect);
        }
    }

    @PostMapping("/{id}/administrators/{accountId}/remove")
    String removeAdministrator(Member me, @PathVariable UUID id, @PathVariable UUID accountId, RedirectAttributes redirect) {
        communities.removeAdministrator(me, id, accountId);
        return done(id, "community.administrator.removed", redirect);
    }

    /** The charter's rules on every row at once, each problem next to the row that has it. */
    private static void checkCharter(CommunityForm form, BindingResult errors) {
        for (CharterRules.Problem problem : CharterRules.check(form.charter().normalised())) {
            rejectCharterField(errors, form, problem.field(), problem.messageKey());
        }
    }

    private static void reject(BindingResult errors, CommunityForm form, FieldException refused) {
        String field = refused.field();
        if (field.equals("charter") || field.startsWith("charter.")) {
            rejectCharterField(errors, form, field.equals("charter") ? "" : field.substring("charter.".length()), refused.messageKey());
        } else {
            errors.rejectValue(field, refused.messageKey());
        }
    }

    /**
     * @param field relative to the charter, as {@link CharterRules} names it; objective i is the i-th
     *              non-blank row. A field that already has an error (a value not in the list) keeps that one.
     */
    private static void rejectCharterField(BindingResult errors, CommunityForm form, String field, String messageKey) {
        Matcher objective = OBJECTIVE_FIELD.matcher(field);
        if (field.equals("objectives")) {
            errors.reject(messageKey);
            return;
        }
        String formField = objective.matches()
                ? "objectives[" + form.rowsInCharter().get(Integer.parseInt(objective.group(1))) + "]" + objective.group(2)
                : "preamble"; // the charter as a whole, or its preamble
        if (!errors.hasFieldErrors(formField)) {
            errors.rejectValue(formField, messageKey);
        }
    }

    /** @param editing the community being changed, or null for a new one */
    private static String form(Model model, CommunityForm form, Community editing) {
        model.addAttribute(FORM, form);
        model.addAttribute("editing", editing);
        model.addAttribute("sectors", Sector.values());
        model.addAttribute("kinds", InformationKind.values());
        model.addAttribute("tlps", Tlp.values());
        return "communities/form";
    }

    /** Post/redirect/get, with a one-line notice on the community's page. */
    private static String done(UUID id, String notice, RedirectAttributes redirect) {
        redirect.addFlashAttribute("notice", notice);
        return "redirect:/communities/" + id;
    }

    private static String refused(UUID id, FieldException refused, RedirectAttributes redirect) {
        redirect.addFlashAttribute("problem", refused.messageKey());
        return "redirect:/communities/" + id;
    }

    private void ensureMayCreate(Member me) {
        if (!communities.mayCreate(me)) {
            throw new ForbiddenException("Only platform administrators and organisations' administrators create communities.");
        }
    }

    private void ensureMayAdminister(Member me, UUID id) {
        if (!communities.mayAdminister(me, id)) {
            throw new ForbiddenException("Only this community's administrators and platform administrators run it.");
        }
    }
}

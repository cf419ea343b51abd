package org.vigie.server.organisations;

import java.util.UUID;
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
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.vigie.core.accounts.Member;
import org.vigie.core.organisations.ContactTopic;
import org.vigie.server.web.ForbiddenException;
import org.vigie.server.web.InvalidFieldException;

/** Adding, changing and removing an organisation's points of contact from its page. */
@Controller
@RequestMapping("/organisations/{organisationId}/contacts")
class ContactPagesController {

    private static final String FORM = "form";

    private final Organisations organisations;
    private final PointsOfContact contacts;

    ContactPagesController(Organisations organisations, PointsOfContact contacts) {
        this.organisations = organisations;
        this.contacts = contacts;
    }

    /** The organisation comes from the path, never from the form. */
    @InitBinder(FORM)
    void allowedFields(WebDataBinder binder) {
        binder.setAllowedFields("topic", "name", "roleTitle", "email", "phone", "availability");
    }

    @GetMapping("/new")
    String newForm(Member me, @PathVariable UUID organisationId, Model model) {
        Organisation organisation = manageable(me, organisationId);
        return form(model, new ContactForm(), organisation, null);
    }

    @PostMapping("/new")
    String create(Member me, @PathVariable UUID organisationId, @ModelAttribute(FORM) ContactForm form, BindingResult errors,
                  Model model, RedirectAttributes redirect) {
        Organisation organisation = manageable(me, organisationId);
        check(form, errors);
        if (!errors.hasErrors()) {
            try {
                contacts.create(me, organisationId, form.changes());
                return done(organisationId, "contact.saved", redirect);
            } catch (InvalidFieldException invalid) {
                errors.rejectValue(invalid.field(), invalid.messageKey());
            }
        }
        return form(model, form, organisation, null);
    }

    @GetMapping("/{id}/edit")
    String editForm(Member me, @PathVariable UUID organisationId, @PathVariable UUID id, Model model) {
        Organisation organisation = manageable(me, organisationId);
        PointOfContact contact = contacts.get(organisationId, id);
        return form(model, ContactForm.of(contact), organisation, contact);
    }

    @PostMapping("/{id}/edit")
    String update(Member me, @PathVariable UUID organisationId, @PathVariable UUID id, @ModelAttribute(FORM) ContactForm form,
                  BindingResult errors, Model model, RedirectAttributes redirect) {
        Organisation organisation = manageable(me, organisationId);
        PointOfContact contact = contacts.get(organisationId, id);
        check(form, errors);
        if (!errors.hasErrors()) {
            try {
                contacts.update(me, organisationId, id, form.changes());
                return done(organisationId, "contact.saved", redirect);
            } catch (InvalidFieldException invalid) {
                errors.rejectValue(invalid.field(), invalid.messageKey());
            }
        }
        return form(model, form, organisation, contact);
    }

    @PostMapping("/{id}/delete")
    String delete(Member me, @PathVariable UUID organisationId, @PathVariable UUID id, RedirectAttributes redirect) {
        contacts.delete(me, organisationId, id);
        return done(organisationId, "contact.deleted", redirect);
    }

    /** All broken rules at once, each next to its field; a field the binder already rejected keeps that error. */
    private static void check(ContactForm form, BindingResult errors) {
        for (ContactRules.Problem problem : ContactRules.check(form.changes().asNew())) {
            if (!errors.hasFieldErrors(problem.field())) {
                errors.rejectValue(problem.field(), problem.messageKey());
            }
        }
    }

    private Organisation manageable(Member me, UUID organisationId) {
        Organisation organisation = organisations.get(organisationId);
        if (!contacts.mayManage(me, organisationId)) {
            throw new ForbiddenException("Only this organisation's administrators and platform administrators manage its points of contact.");
        }
        return organisation;
    }

    /** @param editing the contact being changed, or null for a new one */
    private static String form(Model model, ContactForm form, Organisation organisation, PointOfContact editing) {
        model.addAttribute(FORM, form);
        model.addAttribute("organisation", organisation);
        model.addAttribute("editing", editing);
        model.addAttribute("topics", ContactTopic.values());
        return "contacts/form";
    }

    private static String done(UUID organisationId, String notice, RedirectAttributes redirect) {
        redirect.addFlashAttribute("saved", notice);
        return "redirect:/organisations/" + organisationId;
    }
}

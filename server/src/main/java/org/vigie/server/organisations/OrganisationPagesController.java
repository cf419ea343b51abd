package org.vigie.server.organisations;

import jakarta.validation.Valid;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.vigie.core.accounts.Member;
import org.vigie.core.accounts.Permission;
import org.vigie.core.accounts.Permissions;
import org.vigie.core.organisations.ContactTopic;
import org.vigie.core.organisations.Sector;
import org.vigie.server.web.ConflictException;
import org.vigie.server.web.ForbiddenException;
import org.vigie.server.web.InvalidFieldException;

/** Organisation pages: the list, the profile with its points of contact, and the create and edit forms. */
@Controller
@RequestMapping("/organisations")
class OrganisationPagesController {

    private static final String FORM = "form";

    private final Organisations organisations;
    private final PointsOfContact contacts;

    OrganisationPagesController(Organisations organisations, PointsOfContact contacts) {
        this.organisations = organisations;
        this.contacts = contacts;
    }

    /** Only what a person types: never an id, never timestamps. */
    @InitBinder(FORM)
    void allowedFields(WebDataBinder binder) {
        binder.setAllowedFields("name", "sector", "country", "description");
    }

    @GetMapping
    String list(Member me, Model model) {
        model.addAttribute("organisations", organisations.all());
        model.addAttribute("mayCreate", Permissions.allows(me, Permission.ORGANISATION_CREATE));
        return "organisations/list";
    }

    @GetMapping("/{id}")
    String detail(Member me, @PathVariable UUID id, Model model) {
        Organisation organisation = organisations.get(id);
        Map<ContactTopic, List<PointOfContact>> byTopic = contacts.of(id).stream()
                .collect(Collectors.groupingBy(PointOfContact::topic, () -> new EnumMap<>(ContactTopic.class), Collectors.toList()));
        model.addAttribute("organisation", organisation);
        model.addAttribute("contactsByTopic", byTopic);
        model.addAttribute("mayEdit", Permissions.allows(me, Permission.ORGANISATION_EDIT, id));
        model.addAttribute("mayManageContacts", Permissions.allows(me, Permission.CONTACT_MANAGE, id));
        return "organisations/detail";
    }

    @GetMapping("/new")
    String newForm(Member me, Model model, Locale locale) {
        ensureMayCreate(me);
        return form(model, new OrganisationForm(), null, locale);
    }

    @PostMapping("/new")
    String create(Member me, @Valid @ModelAttribute(FORM) OrganisationForm form, BindingResult errors, Model model,
                  Locale locale, RedirectAttributes redirect) {
        ensureMayCreate(me);
        if (!errors.hasErrors()) {
            try {
                Organisation created = organisations.create(me, form.changes());
                return saved(created.id(), redirect);
            } catch (ConflictException conflict) {
                errors.rejectValue(conflict.field(), conflict.messageKey());
            } catch (InvalidFieldException invalid) {
                errors.rejectValue(invalid.field(), invalid.messageKey());
            }
        }
        return form(model, form, null, locale);
    }

    @GetMapping("/{id}/edit")
    String editForm(Member me, @PathVariable UUID id, Model model, Locale locale) {
        Organisation organisation = organisations.get(id);
        ensureMayEdit(me, id);
        return form(model, OrganisationForm.of(organisation), organisation, locale);
    }

    @PostMapping("/{id}/edit")
    String update(Member me, @PathVariable UUID id, @Valid @ModelAttribute(FORM) OrganisationForm form, BindingResult errors,
                  Model model, Locale locale, RedirectAttributes redirect) {
        Organisation organisation = organisations.get(id);
        ensureMayEdit(me, id);
        if (!errors.hasErrors()) {
            try {
                organisations.update(me, id, form.changes());
                return saved(id, redirect);
            } catch (ConflictException conflict) {
                errors.rejectValue(conflict.field(), conflict.messageKey());
            } catch (InvalidFieldException invalid) {
                errors.rejectValue(invalid.field(), invalid.messageKey());
            }
        }
        return form(model, form, organisation, locale);
    }

    /** @param editing the organisation being changed, or null for a new one */
    private static String form(Model model, OrganisationForm form, Organisation editing, Locale locale) {
        model.addAttribute(FORM, form);
        model.addAttribute("editing", editing);
        model.addAttribute("sectors", Sector.values());
        model.addAttribute("countries", CountryOptions.all(locale, form.getCountry()));
        return "organisations/form";
    }

    /** Post/redirect/get: reloading the page that follows does not send the form again. */
    private static String saved(UUID id, RedirectAttributes redirect) {
        redirect.addFlashAttribute("saved", "organisation.saved");
        return "redirect:/organisations/" + id;
    }

    private static void ensureMayCreate(Member me) {
        if (!Permissions.allows(me, Permission.ORGANISATION_CREATE)) {
            throw new ForbiddenException("Only platform administrators create organisations.");
        }
    }

    private static void ensureMayEdit(Member me, UUID id) {
        if (!Permissions.allows(me, Permission.ORGANISATION_EDIT, id)) {
            throw new ForbiddenException("Only this organisation's administrators and platform administrators change it.");
        }
    }
}

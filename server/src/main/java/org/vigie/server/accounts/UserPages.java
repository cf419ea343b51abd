package org.vigie.server.accounts;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
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
import org.vigie.core.accounts.OrganisationRole;
import org.vigie.server.organisations.Organisation;
import org.vigie.server.organisations.Organisations;
import org.vigie.server.web.ConflictException;
import org.vigie.server.web.ForbiddenException;
import org.vigie.server.web.InvalidFieldException;

/**
 * The users pages: the accounts a member may list, and for administrators the forms to open and
 * change accounts. Every decision is the {@link Accounts} service's; this class only shows them.
 */
@Controller
@RequestMapping("/users")
class UserPages {

    private static final String NEW_ACCOUNT = "newAccount";
    private static final String ACCOUNT_EDIT = "accountEdit";

    private final Accounts accounts;
    private final Organisations organisations;
    private final Clock clock;

    UserPages(Accounts accounts, Organisations organisations, Clock clock) {
        this.accounts = accounts;
        this.organisations = organisations;
        this.clock = clock;
    }

    /** Only platform administrators may choose the organisation or make a platform administrator; nobody binds an id. */
    @InitBinder(NEW_ACCOUNT)
    void newAccountFields(WebDataBinder binder, Member me) {
        List<String> allowed = new ArrayList<>(List.of("username", "displayName", "email", "role", "password"));
        if (me != null && me.platformAdministrator()) {
            allowed.addAll(List.of("organisationId", "platformAdministrator"));
        }
        binder.setAllowedFields(allowed.toArray(String[]::new));
    }

    @InitBinder(ACCOUNT_EDIT)
    void accountEditFields(WebDataBinder binder, Member me) {
        List<String> allowed = new ArrayList<>(List.of("displayName", "email", "role", "enabled"));
        if (me != null && me.platformAdministrator()) {
            allowed.add("platformAdministrator");
        }
        binder.setAllowedFields(allowed.toArray(String[]::new));
    }

    @GetMapping
    String list(Member me, Model model) {
        Map<UUID, String> names = organisationNames();
        Instant now = clock.instant();
        model.addAttribute("rows", accounts.list(me).stream()
                .map(account -> UserRow.of(account, names.get(account.organisationId()), accounts.mayChange(me, account), now))
                .toList());
        model.addAttribute("mayOpenAccounts", accounts.mayOpenAccounts(me));
        model.addAttribute("ownOrganisation", me.organisationId() == null ? null : names.get(me.organisationId()));
        return "accounts/users";
    }

    @GetMapping("/new")
    String newAccount(Member me, Model model) {
        requireMayOpenAccounts(me);
        NewAccountForm form = new NewAccountForm();
        form.setOrganisationId(me.organisationId());
        model.addAttribute(NEW_ACCOUNT, form);
        return newAccountPage(me, model);
    }

    @PostMapping
    String create(Member me, @Valid @ModelAttribute(NEW_ACCOUNT) NewAccountForm form, BindingResult result, Model model,
                  RedirectAttributes redirect) {
        requireMayOpenAccounts(me);
        if (!me.platformAdministrator()) {
            form.setOrganisationId(me.organisationId()); // an organisation administrator adds members to their own organisation
        }
        if (!result.hasErrors()) {
            try {
                Account created = accounts.create(me, form.toNewAccount());
                redirect.addFlashAttribute("notice", new Notice("users.created", created.username()));
                return "redirect:/users";
            } catch (InvalidFieldException refused) {
                FormErrors.reject(result, refused);
            } catch (ConflictException refused) {
                FormErrors.reject(result, refused);
            }
        }
        form.setPassword(null); // a password is never sent back to the browser
        return newAccountPage(me, model);
    }

    @GetMapping("/{id}/edit")
    String edit(Member me, @PathVariable UUID id, Model model) {
        Account account = changeable(me, id);
        model.addAttribute(ACCOUNT_EDIT, AccountEditForm.of(account));
        return editPage(me, account, model);
    }

    @PostMapping("/{id}/edit")
    String update(Member me, @PathVariable UUID id, @Valid @ModelAttribute(ACCOUNT_EDIT) AccountEditForm form, BindingResult result,
                  Model model, RedirectAttributes redirect) {
        Account account = changeable(me, id);
        if (!result.hasErrors()) {
            try {
                accounts.update(me, id, form.toChanges());
                redirect.addFlashAttribute("notice", new Notice("users.updated", account.username()));
                return "redirect:/users";
            } catch (InvalidFieldException refused) {
                FormErrors.reject(result, refused);
            }
        }
        return editPage(me, account, model);
    }

    /** A malformed id names no account: the same answer as an unknown one. */
    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    void malformedId(HttpServletResponse response) throws IOException {
        response.sendError(HttpServletResponse.SC_NOT_FOUND);
    }

    private String newAccountPage(Member me, Model model) {
        model.addAttribute("roles", OrganisationRole.values());
        if (me.platformAdministrator()) {
            model.addAttribute("organisations", organisations.all());
        } else {
            model.addAttribute("ownOrganisation", organisations.get(me.organisationId()).name());
        }
        return "accounts/user-new";
    }

    private String editPage(Member me, Account account, Model model) {
        model.addAttribute("account", account);
        model.addAttribute("organisationName", account.organisationId() == null ? null
                : organisations.find(account.organisationId()).map(Organisation::name).orElse(null));
        model.addAttribute("roles", OrganisationRole.values());
        model.addAttribute("mayGrantPlatform", me.platformAdministrator());
        model.addAttribute("self", account.id().equals(me.accountId()));
        return "accounts/user-edit";
    }

    /** An account the member may see (else 404) and change (else 403). */
    private Account changeable(Member me, UUID id) {
        Account account = accounts.visible(me, id);
        if (!accounts.mayChange(me, account)) {
            throw new ForbiddenException("You may not change this account.");
        }
        return account;
    }

    private void requireMayOpenAccounts(Member me) {
        if (!accounts.mayOpenAccounts(me)) {
            throw new ForbiddenException("Only administrators open accounts.");
        }
    }

    private Map<UUID, String> organisationNames() {
        return organisations.all().stream().collect(Collectors.toMap(Organisation::id, Organisation::name));
    }
}

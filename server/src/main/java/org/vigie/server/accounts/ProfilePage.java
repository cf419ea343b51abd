package org.vigie.server.accounts;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.io.IOException;
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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.vigie.core.accounts.Member;
import org.vigie.server.organisations.Organisation;
import org.vigie.server.organisations.Organisations;
import org.vigie.server.web.InvalidFieldException;
import org.vigie.server.web.NotFoundException;
import org.vigie.server.web.VigieLocaleResolver;

/** The signed-in person's own page: who they are, their language, their password and their API tokens. */
@Controller
@RequestMapping("/profile")
class ProfilePage {

    private static final String PASSWORD_CHANGE = "passwordChange";
    private static final String TOKEN_FORM = "tokenForm";

    private final Accounts accounts;
    private final ApiTokens tokens;
    private final Organisations organisations;
    private final LocaleResolver localeResolver;

    ProfilePage(Accounts accounts, ApiTokens tokens, Organisations organisations, LocaleResolver localeResolver) {
        this.accounts = accounts;
        this.tokens = tokens;
        this.organisations = organisations;
        this.localeResolver = localeResolver;
    }

    @InitBinder(PASSWORD_CHANGE)
    void passwordFields(WebDataBinder binder) {
        binder.setAllowedFields("currentPassword", "newPassword", "confirmPassword");
    }

    @InitBinder(TOKEN_FORM)
    void tokenFields(WebDataBinder binder) {
        binder.setAllowedFields("name");
    }

    @GetMapping
    String show(Member me, Model model) {
        return page(me, model);
    }

    /** The locale resolver remembers the choice for the account (and this browser), so it follows the person. */
    @PostMapping("/language")
    String language(@RequestParam String language, HttpServletRequest request, HttpServletResponse response,
                    RedirectAttributes redirect) {
        localeResolver.setLocale(request, response, VigieLocaleResolver.supported(Locale.forLanguageTag(language)));
        redirect.addFlashAttribute("notice", new Notice("profile.language.saved", null));
        return "redirect:/profile";
    }

    @PostMapping("/password")
    String changePassword(Member me, @ModelAttribute(PASSWORD_CHANGE) PasswordChangeForm form, BindingResult result, Model model,
                          RedirectAttributes redirect) {
        if (!form.confirmed()) {
            result.rejectValue("confirmPassword", "password.confirm.mismatch");
        } else {
            try {
                accounts.changePassword(me, form.getCurrentPassword(), form.getNewPassword());
                redirect.addFlashAttribute("notice", new Notice("profile.password.changed", null));
                return "redirect:/profile";
            } catch (InvalidFieldException refused) {
                FormErrors.reject(result, refused);
            }
        }
        form.forget();
        return page(me, model);
    }

    /** The new token goes to the next page by a flash attribute: shown once, never in a URL. */
    @PostMapping("/tokens")
    String createToken(Member me, @Valid @ModelAttribute(TOKEN_FORM) TokenForm form, BindingResult result, Model model,
                       RedirectAttributes redirect) {
        if (result.hasErrors()) {
            return page(me, model);
        }
        ApiTokens.IssuedToken issued = tokens.issue(me.accountId(), form.getName());
        redirect.addFlashAttribute("shownToken", new ShownToken(issued.token().name(), issued.secretToken()));
        return "redirect:/profile";
    }

    @PostMapping("/tokens/{id}/revoke")
    String revokeToken(Member me, @PathVariable UUID id, RedirectAttributes redirect) {
        ApiToken token = tokens.listFor(me.accountId()).stream().filter(t -> t.id().equals(id)).findFirst()
                .orElseThrow(() -> new NotFoundException("token", id));
        tokens.revoke(me.accountId(), id);
        redirect.addFlashAttribute("notice", new Notice("profile.tokens.revokedNotice", token.name()));
        return "redirect:/profile";
    }

    /** A malformed id names no token: the same answer as an unknown one. */
    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    void malformedId(HttpServletResponse response) throws IOException {
        response.sendError(HttpServletResponse.SC_NOT_FOUND);
    }

    private String page(Member me, Model model) {
        Account account = accounts.visible(me, me.accountId());
        model.addAttribute("account", account);
        model.addAttribute("organisationName", account.organisationId() == null ? null
                : organisations.find(account.organisationId()).map(Organisation::name).orElse(null));
        model.addAttribute("languages", VigieLocaleResolver.SUPPORTED.stream().map(Locale::getLanguage).toList());
        model.addAttribute("tokens", tokens.listFor(me.accountId()).stream().map(TokenRow::of).toList());
        if (!model.containsAttribute(PASSWORD_CHANGE)) {
            model.addAttribute(PASSWORD_CHANGE, new PasswordChangeForm());
        }
        if (!model.containsAttribute(TOKEN_FORM)) {
            model.addAttribute(TOKEN_FORM, new TokenForm());
        }
        return "accounts/profile";
    }
}

package org.vigie.server.accounts;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Locale;
import java.util.Optional;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.vigie.server.web.LocalePreferences;

/** Remembers the language a signed-in person chose, in their account and in their current session. */
@Component
class AccountLocalePreferences implements LocalePreferences {

    private final Accounts accounts;
    private final SecurityContextRepository sessions = new HttpSessionSecurityContextRepository();

    AccountLocalePreferences(Accounts accounts) {
        this.accounts = accounts;
    }

    @Override
    public Optional<Locale> preferredLocale() {
        return signedIn().map(SignedInAccount::account).map(Account::locale).map(Locale::forLanguageTag);
    }

    @Override
    public void rememberLocale(Locale locale) {
        Optional<SignedInAccount> signedIn = signedIn();
        if (signedIn.isEmpty() || locale.getLanguage().equals(signedIn.get().account().locale())) {
            return;
        }
        Account account = signedIn.get().account();
        accounts.rememberLocale(account.id(), locale);
        Account changed = new Account(account.id(), account.username(), account.displayName(), account.email(),
                account.organisationId(), account.role(), account.platformAdministrator(), locale.getLanguage(),
                account.enabled(), account.failedLogins(), account.lockedUntil(), account.createdAt(), account.updatedAt());
        refreshSession(SignedInAccount.authenticated(changed));
    }

    /** API calls carry a fresh principal each time; only a browser session keeps one to refresh. */
    private void refreshSession(SignedInAccount principal) {
        Authentication current = SecurityContextHolder.getContext().getAuthentication();
        if (!(current instanceof UsernamePasswordAuthenticationToken)
                || !(RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes)) {
            return;
        }
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(principal, null, principal.getAuthorities()));
        SecurityContextHolder.setContext(context);
        HttpServletRequest request = attributes.getRequest();
        HttpServletResponse response = attributes.getResponse();
        sessions.saveContext(context, request, response);
    }

    private static Optional<SignedInAccount> signedIn() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication != null && authentication.getPrincipal() instanceof SignedInAccount account
                ? Optional.of(account)
                : Optional.empty();
    }
}

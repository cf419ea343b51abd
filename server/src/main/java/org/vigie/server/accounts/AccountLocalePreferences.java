package org.vigie.server.accounts;

import java.util.Locale;
import java.util.Optional;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.vigie.server.web.LocalePreferences;

/** Remembers the language a signed-in person chose, on their account. */
@Component
class AccountLocalePreferences implements LocalePreferences {

    private final Accounts accounts;

    AccountLocalePreferences(Accounts accounts) {
        this.accounts = accounts;
    }

    @Override
    public Optional<Locale> preferredLocale() {
        return signedIn().map(SignedInAccount::account).map(Account::locale).map(Locale::forLanguageTag);
    }

    /**
     * Stores the choice on the account. The session's copy of the account is refreshed on the next
     * request by {@link SessionAccountRefresh}; this request already uses the new language.
     */
    @Override
    public void rememberLocale(Locale locale) {
        signedIn().map(SignedInAccount::account)
                .filter(account -> !locale.getLanguage().equals(account.locale()))
                .ifPresent(account -> accounts.rememberLocale(account.id(), locale));
    }

    private static Optional<SignedInAccount> signedIn() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication != null && authentication.getPrincipal() instanceof SignedInAccount account
                ? Optional.of(account)
                : Optional.empty();
    }
}

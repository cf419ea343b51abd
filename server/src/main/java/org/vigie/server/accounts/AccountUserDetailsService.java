package org.vigie.server.accounts;

import java.time.Clock;
import java.util.Locale;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;

@Service
class AccountUserDetailsService implements UserDetailsService {

    private final AccountRepository accounts;
    private final Clock clock;

    AccountUserDetailsService(AccountRepository accounts, Clock clock) {
        this.accounts = accounts;
        this.clock = clock;
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        String normalised = username == null ? "" : username.trim().toLowerCase(Locale.ROOT);
        Account account = accounts.findByUsername(normalised)
                .orElseThrow(() -> new UsernameNotFoundException("no such account"));
        String hash = accounts.passwordHash(account.id()).orElseThrow();
        return SignedInAccount.forPasswordCheck(account, hash, clock.instant());
    }
}

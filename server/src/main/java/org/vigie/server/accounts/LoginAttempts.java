package org.vigie.server.accounts;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.authentication.event.LogoutSuccessEvent;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.vigie.server.audit.AuditEvent;
import org.vigie.server.audit.AuditTrail;

/**
 * Audits every password sign-in and sign-out, and locks an account for a while after repeated
 * failures so that passwords cannot be guessed online. A locked account gets the same generic
 * message as a wrong password, so the lock tells an attacker nothing about which names exist.
 */
@Component
class LoginAttempts {

    private final AccountRepository accounts;
    private final AuditTrail audit;
    private final Clock clock;
    private final int maxFailures;
    private final Duration lockDuration;

    LoginAttempts(AccountRepository accounts, AuditTrail audit, Clock clock,
                  @Value("${vigie.login.max-failures:5}") int maxFailures,
                  @Value("${vigie.login.lock-duration:PT15M}") Duration lockDuration) {
        this.accounts = accounts;
        this.audit = audit;
        this.clock = clock;
        this.maxFailures = maxFailures;
        this.lockDuration = lockDuration;
    }

    @EventListener
    @Transactional
    public void succeeded(AuthenticationSuccessEvent event) {
        if (!(event.getAuthentication() instanceof UsernamePasswordAuthenticationToken)
                || !(event.getAuthentication().getPrincipal() instanceof SignedInAccount signedIn)) {
            return; // API tokens are checked on every call; only password sign-ins are audited
        }
        accounts.resetFailedLogins(signedIn.account().id());
        audit.record(AuditEvent.of("auth.login.succeeded", "account", signedIn.account().id())
                .byUnauthenticated(signedIn.getUsername()));
    }

    @EventListener
    @Transactional
    public void failed(AbstractAuthenticationFailureEvent event) {
        String claimed = abbreviate(String.valueOf(event.getAuthentication().getName()).trim().toLowerCase(Locale.ROOT));
        AuditEvent failure = AuditEvent.of("auth.login.failed")
                .with("username", claimed)
                .with("reason", event.getException().getClass().getSimpleName())
                .byUnauthenticated(claimed);
        accounts.findByUsername(claimed).ifPresent(account -> {
            Instant now = clock.instant();
            int failures = accounts.recordFailedLogin(account.id(), now);
            if (failures >= maxFailures && !account.lockedAt(now)) {
                accounts.lockUntil(account.id(), now.plus(lockDuration));
                audit.record(AuditEvent.of("account.locked", "account", account.id())
                        .with("failedLogins", failures).with("lockedFor", lockDuration.toString()).byUnauthenticated(claimed));
            }
        });
        audit.record(failure);
    }

    @EventListener
    @Transactional
    public void loggedOut(LogoutSuccessEvent event) {
        if (event.getAuthentication() != null && event.getAuthentication().getPrincipal() instanceof SignedInAccount signedIn) {
            audit.record(AuditEvent.of("auth.logout", "account", signedIn.account().id()).byUnauthenticated(signedIn.getUsername()));
        }
    }

    /** A name typed at the sign-in form is untrusted input: keep the log readable. */
    private static String abbreviate(String claimed) {
        return claimed.length() <= 64 ? claimed : claimed.substring(0, 64) + "…";
    }
}

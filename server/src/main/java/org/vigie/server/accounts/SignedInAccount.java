package org.vigie.server.accounts;

import java.io.Serial;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;
import org.vigie.core.accounts.Member;
import org.vigie.core.accounts.MemberPrincipal;

/**
 * The principal of a signed-in session or API call. Authorities mirror the role for Spring
 * Security's coarse URL rules; fine decisions go through {@link org.vigie.core.accounts.Permissions}.
 */
public final class SignedInAccount implements UserDetails, CredentialsContainer, MemberPrincipal {

    @Serial
    private static final long serialVersionUID = 1L;

    private final Account account;
    private String passwordHash;
    private final boolean locked;

    private SignedInAccount(Account account, String passwordHash, boolean locked) {
        this.account = account;
        this.passwordHash = passwordHash;
        this.locked = locked;
    }

    static SignedInAccount forPasswordCheck(Account account, String passwordHash, Instant now) {
        return new SignedInAccount(account, passwordHash, account.lockedAt(now));
    }

    /** For an API token or a refreshed session: no password to check. */
    static SignedInAccount authenticated(Account account) {
        return new SignedInAccount(account, null, false);
    }

    public Account account() {
        return account;
    }

    @Override
    public Member member() {
        return account.member();
    }

    public String getDisplayName() {
        return account.displayName();
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        List<GrantedAuthority> authorities = new java.util.ArrayList<>();
        if (account.platformAdministrator()) {
            authorities.add(new SimpleGrantedAuthority("ROLE_PLATFORM_ADMIN"));
        }
        if (account.role() != null) {
            authorities.add(new SimpleGrantedAuthority("ROLE_" + account.role().name()));
        }
        return authorities;
    }

    @Override
    public String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return account.username();
    }

    @Override
    public boolean isAccountNonLocked() {
        return !locked;
    }

    @Override
    public boolean isEnabled() {
        return account.enabled();
    }

    @Override
    public void eraseCredentials() {
        passwordHash = null;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SignedInAccount that && that.account.id().equals(account.id());
    }

    @Override
    public int hashCode() {
        return account.id().hashCode();
    }

    @Override
    public String toString() {
        return "SignedInAccount[" + account.username() + "]";
    }
}

package org.vigie.server.accounts;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.Optional;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Keeps a browser session in step with its account. A session holds the account as it was at
 * sign-in; without this, an account that an administrator disabled or demoted would keep its old
 * rights in an open session for hours. A disabled (or vanished) account's session ends at its next
 * request; any other change replaces the session's copy. A lock does not end a session: it is there
 * to stop password guessing, and someone guessing must not sign the owner out. API tokens need none
 * of this, they look their account up on every call.
 */
class SessionAccountRefresh extends OncePerRequestFilter {

    private final AccountRepository accounts;
    private final SecurityContextRepository sessions = new HttpSessionSecurityContextRepository();

    SessionAccountRefresh(AccountRepository accounts) {
        this.accounts = accounts;
    }

    /** Stylesheets, scripts and images carry nothing an account's rights could change. */
    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return path.startsWith("/css/") || path.startsWith("/js/") || path.startsWith("/images/")
                || path.startsWith("/webjars/") || path.equals("/favicon.ico");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication instanceof UsernamePasswordAuthenticationToken
                && authentication.getPrincipal() instanceof SignedInAccount signedIn) {
            Optional<Account> current = accounts.findById(signedIn.account().id()).filter(Account::enabled);
            if (current.isEmpty()) {
                end(request);
            } else if (!current.get().equals(signedIn.account())) {
                replace(current.get(), request, response);
            }
        }
        chain.doFilter(request, response);
    }

    private static void end(HttpServletRequest request) {
        SecurityContextHolder.clearContext();
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
    }

    private void replace(Account account, HttpServletRequest request, HttpServletResponse response) {
        SignedInAccount principal = SignedInAccount.authenticated(account);
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(principal, null, principal.getAuthorities()));
        SecurityContextHolder.setContext(context);
        sessions.saveContext(context, request, response);
    }
}

package org.vigie.core.accounts;

/**
 * Implemented by whatever represents a signed-in account (a web session, an API token), so that
 * every part of the application can ask "which member is acting?" the same way.
 */
public interface MemberPrincipal {

    Member member();
}

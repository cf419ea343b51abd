/**
 * Accounts: people, their organisation and role, sign-in (web form and API tokens), lock-out,
 * language preference, and the bootstrap administrator.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"organisations", "audit", "web"})
package org.vigie.server.accounts;

/**
 * Demo data for {@code vigie serve --demo}: a fictional election context to explore Vigie with.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"organisations", "accounts", "sharing", "knowledge", "elections", "reports", "alerts", "response", "monitoring", "panel", "statements"})
package org.vigie.server.demo;

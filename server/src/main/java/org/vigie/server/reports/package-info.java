/**
 * Incident reports: the report form (web and API), each report stored as one STIX incident in the
 * knowledge store (ADR 0006), its history, comments and evidence, and the correlation index that
 * links reports sharing an observable, an actor, a narrative or a technique.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"knowledge", "sharing", "organisations", "accounts",
        "audit", "reference", "elections", "evidence", "web", "alerts"})
package org.vigie.server.reports;

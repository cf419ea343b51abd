/**
 * MISP event JSON (the MISP core format) in and out: an event becomes a Vigie report with its
 * observables, STIX indicators for the attributes marked for detection, and a note recording the
 * event's MISP provenance and distribution; a report is exported back as a MISP event, through the
 * visibility policy.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"reports", "knowledge", "sharing", "organisations", "accounts",
        "audit", "reference", "web"})
package org.vigie.server.misp;

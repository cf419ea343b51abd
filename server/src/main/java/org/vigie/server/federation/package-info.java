/**
 * Federation with other hubs over TAXII 2.1: peer hubs registered by platform administrators, a
 * TAXII client that pulls a peer's collection on a schedule or on demand (resuming from the last
 * {@code added_after}) into the knowledge store as the peer's local organisation, the sync runs and
 * the provenance of every version received.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"knowledge", "reports", "campaigns", "sharing", "organisations", "accounts",
        "audit", "web", "secrets"})
package org.vigie.server.federation;

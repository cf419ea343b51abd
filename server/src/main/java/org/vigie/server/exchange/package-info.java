/**
 * Exchange with other tools: the STIX 2.1 export of any set a reader may see (a report with what it
 * references, a campaign, a report search, a community's feed, a knowledge search) as one streamed
 * bundle with its closure (marking definitions, the owning organisations' identities, DISARM
 * attack-patterns, Vigie's extension definitions, the objects referenced that the reader may see),
 * its web and API endpoints, and the {@code vigie export} command-line client.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"knowledge", "reports", "campaigns", "sharing",
        "organisations", "reference", "audit", "web"})
package org.vigie.server.exchange;

/**
 * Imports of files into the knowledge store: STIX 2.1 bundles streamed object by object (MISP events
 * are routed here by the CLI), as jobs with progress, cancellation, a per-object report and an audit
 * trail; the Import page, its API and {@code vigie bench import}.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"knowledge", "reports", "campaigns", "sharing", "organisations", "accounts",
        "audit", "web"})
package org.vigie.server.imports;

/**
 * Campaigns: analysts group incident reports into a STIX {@code campaign} (by hand, or from a
 * correlation cluster offered as a suggestion). A campaign is stored in the knowledge store with its
 * own sharing; its members are listed in its Vigie campaign extension and, for fast queries, in
 * {@code campaign_reports}. A campaign's page shows only the member reports its reader may see.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"reports", "knowledge", "sharing", "organisations",
        "elections", "reference", "audit", "web"})
package org.vigie.server.campaigns;

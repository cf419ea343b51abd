/**
 * The non-partisan expert panel (issue 8, part A): panels per election or standing, their members
 * with public titles, conflict-of-interest declarations, referrals of reports, campaigns and
 * accumulations of reports by analysts who may see them, automatic and self recusal, each member's
 * assessment against the published criteria, and the decision taken by the panel's rule (consensus
 * or quorum) with dissent recorded, immutable once taken (corrections are new entries). Panel content
 * is shown only to the panel's current members; subjects are read through the visibility policy of
 * the member reading them. Pure rules live in {@code org.vigie.core.panel}. See
 * docs/adr/0013-expert-panel.md.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"accounts", "audit", "web", "reports", "campaigns",
        "organisations", "elections"})
package org.vigie.server.panel;

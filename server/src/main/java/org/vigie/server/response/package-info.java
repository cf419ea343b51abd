/**
 * Response protocols (issue 6): a community's administrators define protocols (trigger, ordered
 * escalation levels with the organisations and roles to alert, a checklist, an acknowledgement
 * deadline); activating one on a report or campaign opens a response board and alerts level 1 through
 * the alerts outbox; an unacknowledged level escalates to the next ({@link org.vigie.server.response.Escalations});
 * the board and the dashboard show time to acknowledge and to first action. Every board is read
 * through the visibility policy of its subject. Pure rules live in {@code org.vigie.core.response}.
 * See docs/adr/0009-response-protocols.md.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"sharing", "accounts", "audit", "web", "reports", "campaigns",
        "knowledge", "reference", "alerts", "organisations"})
package org.vigie.server.response;

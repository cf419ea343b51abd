/**
 * Alerts (issue 6): subscriptions with filters and watch lists, and the notification outbox written
 * in the same transaction as the report that causes it ({@link org.vigie.server.alerts.AlertOutbox}).
 * A notification is only queued for a recipient the visibility policy lets see the report; the
 * delivery worker and channels read the outbox afterwards. Matching itself is pure and lives in
 * {@code org.vigie.core.alerts}.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"sharing", "accounts", "audit", "web", "elections", "reference", "knowledge", "secrets"})
package org.vigie.server.alerts;

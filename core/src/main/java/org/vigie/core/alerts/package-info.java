/**
 * Framework-free parts of alerting: which subscriptions a report matches. Who may then receive it is
 * decided by the visibility policy, in the server, after this match.
 */
package org.vigie.core.alerts;

/**
 * The framework-free parts of the webhook channel: the GitHub-style body signature, the retry
 * schedule, the SSRF rules for target URLs and the content of a report notification. The HTTP
 * sending itself lives in the server ({@code org.vigie.server.alerts.webhooks}).
 */
package org.vigie.core.alerts.webhooks;

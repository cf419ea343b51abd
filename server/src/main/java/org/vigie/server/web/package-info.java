/**
 * Cross-cutting web concerns: layout, language, error responses (RFC 9457 problem details for the
 * API, error pages for people), security headers and the current member of a request.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {})
package org.vigie.server.web;

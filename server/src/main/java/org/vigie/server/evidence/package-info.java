/**
 * Evidence files of incident reports (screenshots, archives, exports): stored once per content
 * (SHA-256) in PostgreSQL, in 1 MiB chunks so that uploads and downloads stream; size-limited
 * ({@code vigie.evidence.max-size}); typed by their content against an allow-list; always downloaded as
 * attachments, never rendered. This module stores and streams bytes: who may download a file is decided
 * by the reports module, which knows the reports that list its hash and applies their marking.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"audit", "web"})
package org.vigie.server.evidence;

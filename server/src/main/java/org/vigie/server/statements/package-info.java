/**
 * Public statements of the expert panel (issue 8, items 5 and 6): a statement is drafted from the
 * plain-language template in French and English about a decision to inform the public, with a
 * readability hint while writing ({@code org.vigie.core.panel.Readability}); each edit is a new
 * version; the panel approves a version under its decision rule (recused members excluded); it is
 * scheduled; a lead time before the scheduled moment the notices go out in one batch, at one instant,
 * in one transaction — private TARGET notices to the target organisations and identical
 * PRE_ANNOUNCEMENT notices to every registered party and the election management body — through the
 * alerts outbox; the publication job publishes only after that. A published statement is never
 * edited: corrections are dated additions. Only non-recused members of the panel see or act on a
 * statement before publication; the public site reads the published rows (V19 tables) only.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"accounts", "audit", "web", "alerts", "organisations", "panel",
        "elections"})
package org.vigie.server.statements;

/**
 * The public site under {@code /public/}: published statements of the expert panel (list, page with
 * dated corrections, Atom feed per language, JSON API), aggregate statistics of published cases, and
 * the methodology (criteria, panels' composition by public title, decision rule, process). No login,
 * no session, cacheable. Everything it shows comes through one read model,
 * {@link org.vigie.server.publicsite.PublishedStatements}, which reads only what the panel approved
 * for publication: never a report, a referral's note, an assessment or a decision's rationale.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"web"})
package org.vigie.server.publicsite;

/**
 * Reference data every feature classifies with: the DISARM framework (phases, tactics, techniques,
 * countermeasures; shipped under {@code reference/disarm/} with its own licence) and the
 * election-cycle taxonomy of {@code org.vigie.core.taxonomy}, with their pages and read-only API.
 * {@link org.vigie.server.reference.DisarmFramework} is the entry point for other modules.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"web"})
package org.vigie.server.reference;

/**
 * Elections: the public facts reports, alerts and public statements refer to (a country, a type,
 * election day, an optional second round and the official campaign period), their pages and API.
 * Every signed-in user reads them; {@link org.vigie.server.elections.Elections} is the entry point
 * for other modules, which refer to an election by its id.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"organisations", "audit", "web"})
package org.vigie.server.elections;

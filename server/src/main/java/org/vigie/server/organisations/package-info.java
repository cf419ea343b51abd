/**
 * Organisations that take part in the hub (name, sector, country) and their points of contact per
 * topic, with the cross-organisation directory.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"audit", "web"})
package org.vigie.server.organisations;

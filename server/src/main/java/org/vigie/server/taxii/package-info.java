/**
 * The TAXII 2.1 server at {@code /taxii2/}: discovery, one API root, collections mapped to what the
 * client may read, objects, manifest, versions and status, every entry through the visibility policy
 * and under a TLP ceiling for this machine-to-machine channel.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"knowledge", "sharing", "organisations", "audit", "web"})
package org.vigie.server.taxii;

/**
 * The STIX 2.1 knowledge store: every shared object, all its versions, validated against the OASIS
 * schemas, and read only through the visibility policy.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"sharing", "organisations", "accounts", "audit", "reference", "web"})
package org.vigie.server.knowledge;

/**
 * Sharing: communities of organisations and the charter of sharing objectives their members accept.
 * Only a member organisation that has accepted a community's current charter takes part in what is
 * shared with the community ({@link org.vigie.server.sharing.Communities#activeCommunitiesOf}).
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"organisations", "accounts", "audit", "web"})
package org.vigie.server.sharing;

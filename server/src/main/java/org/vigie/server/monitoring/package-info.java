/**
 * Monitoring: detection of coordinated behaviour (module {@code detect}) as jobs of the web application.
 * An analyst uploads a dataset of posts or picks one on the server, the run goes on a bounded pool with
 * its progress in the job row and a cancel button, and what it found (groups, accounts, edges) is stored
 * under the run's sharing, read only through the visibility policy, explored as a network and filed as an
 * incident report from a group through the reports service.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"reports", "knowledge", "sharing", "organisations", "accounts",
        "audit", "web"})
package org.vigie.server.monitoring;

/**
 * The audit trail: every state change is appended, in the transaction that makes the change, to a
 * hash-chained log that can be verified from the admin page, the API and {@code vigie audit verify}.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"web", "database"})
package org.vigie.server.audit;

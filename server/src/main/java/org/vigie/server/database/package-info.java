/**
 * Where Vigie keeps its data: the data directory (locked by one running Vigie at a time) and the
 * PostgreSQL behind it, either embedded in that directory or external when {@code VIGIE_DB_URL} is set.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {})
package org.vigie.server.database;

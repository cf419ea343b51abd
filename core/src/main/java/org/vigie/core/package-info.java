/**
 * Vigie's framework-free core: domain values, taxonomies, permission rules and the audit hash chain.
 * Nothing here depends on Spring, a database or the web, so the rules can be tested and reused as
 * plain Java (the server, the command line and, later, the detection pipeline share them).
 */
package org.vigie.core;

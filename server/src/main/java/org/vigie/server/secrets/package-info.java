/**
 * Secrets Vigie must keep in a usable form (it sends or signs with them, so they cannot be hashed):
 * AES-256-GCM with a key outside the database ({@link org.vigie.server.secrets.SecretBox}). Used by
 * federation (peer hubs' tokens) and alerts (webhook signing secrets).
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {})
package org.vigie.server.secrets;

package org.vigie.server.federation;

/** How the API token is sent to a peer: as a Bearer token, or as the HTTP Basic password. */
public enum AuthScheme {
    BEARER, BASIC
}

package org.vigie.server.accounts;

import java.io.Serializable;

/**
 * A token just created, carried by a flash attribute to the one page that shows it: the redirect's
 * target consumes it, so a reload or a later visit no longer has it.
 */
record ShownToken(String name, String token) implements Serializable {

    @Override
    public String toString() {
        return "ShownToken[" + name + "]"; // never the secret, should this ever be logged
    }
}

package org.vigie.server.accounts;

import java.io.Serializable;

/**
 * A one-line confirmation shown on the page a form redirects to (as a flash attribute, so it shows
 * once). It carries a message key, not text, so it is shown in the language of the page it lands on.
 */
record Notice(String key, String argument) implements Serializable {
}

package org.vigie.server.federation;

/**
 * A TAXII exchange with a peer failed: the network, an HTTP status, or an answer that is not a TAXII
 * envelope. The message says which, in terms an administrator can act on; it never holds the token.
 */
public class TaxiiException extends RuntimeException {

    private final int status;

    public TaxiiException(String message, int status) {
        super(message);
        this.status = status;
    }

    public TaxiiException(String message, Throwable cause) {
        super(message, cause);
        this.status = 0;
    }

    /** The HTTP status the peer answered, or 0 when there was no answer (network, timeout). */
    public int status() {
        return status;
    }
}

package org.vigie.server.evidence;

import org.springframework.http.HttpStatus;
import org.vigie.server.web.FieldException;
import org.vigie.server.web.PayloadTooLarge;

/**
 * The file is larger than {@code vigie.evidence.max-size}: 413, with the limit in the detail and as the
 * problem's {@code limit} (bytes) and {@code limitText} properties. Nothing of it was stored.
 * A form shows {@link #messageKey()} with {@link #messageArguments()} next to the file field.
 */
public class EvidenceTooLargeException extends FieldException {

    private final long limitBytes;

    public EvidenceTooLargeException(long limitBytes) {
        super(HttpStatus.PAYLOAD_TOO_LARGE, "Payload too large", "file", "evidence.file.tooLarge",
                PayloadTooLarge.detail("The file", limitBytes));
        this.limitBytes = limitBytes;
        PayloadTooLarge.addLimit(getBody(), limitBytes);
    }

    public long limitBytes() {
        return limitBytes;
    }

    /** The limit as people read it ("50 MB"), the argument of the message. */
    public Object[] messageArguments() {
        return new Object[] {PayloadTooLarge.readable(limitBytes)};
    }
}

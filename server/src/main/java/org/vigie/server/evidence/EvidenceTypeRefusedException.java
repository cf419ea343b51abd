package org.vigie.server.evidence;

import java.util.List;
import org.springframework.http.HttpStatus;
import org.vigie.server.web.FieldException;

/**
 * The content is not of an accepted type (an executable, a script, unknown binary data): 415, naming
 * what was found ({@code detected}) and what is accepted ({@code accepted}). Nothing of it was stored.
 * A form shows {@link #messageKey()} with {@link #messageArguments()} next to the file field.
 */
public class EvidenceTypeRefusedException extends FieldException {

    private final String detected;

    public EvidenceTypeRefusedException(String detected) {
        super(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Unsupported media type", "file", "evidence.file.typeRefused",
                "This file is " + article(detected) + " " + detected + ", which is not accepted as evidence. Accepted: "
                        + String.join(", ", EvidenceTypes.ACCEPTED) + ". Share other files inside a ZIP archive.");
        this.detected = detected;
        getBody().setProperty("detected", detected);
        getBody().setProperty("accepted", EvidenceTypes.ACCEPTED);
    }

    private static String article(String noun) {
        return noun.isEmpty() || "AEIOUaeiou".indexOf(noun.charAt(0)) < 0 ? "a" : "an";
    }

    /** What the content was found to be. */
    public String detected() {
        return detected;
    }

    /** The accepted kinds of file, as named to people. */
    public static List<String> accepted() {
        return EvidenceTypes.ACCEPTED;
    }

    /** What was found and what is accepted, the arguments of the message. */
    public Object[] messageArguments() {
        return new Object[] {detected, String.join(", ", EvidenceTypes.ACCEPTED)};
    }
}

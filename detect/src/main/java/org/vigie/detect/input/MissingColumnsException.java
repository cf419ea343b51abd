package org.vigie.detect.input;

import java.util.List;

/** The header lacks columns the format requires; the message names them. */
public class MissingColumnsException extends PostInputException {

    private final List<String> missing;

    public MissingColumnsException(InputFormat format, List<String> missing, List<String> header) {
        super("missing required column" + (missing.size() > 1 ? "s " : " ") + String.join(", ", missing)
                + " for format " + format.key() + " (header: " + String.join(", ", header) + ")");
        this.missing = List.copyOf(missing);
    }

    public List<String> missing() {
        return missing;
    }
}

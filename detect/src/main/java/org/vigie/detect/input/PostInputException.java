package org.vigie.detect.input;

/** The input cannot be read at all (as opposed to a bad row, which is reported and skipped). */
public class PostInputException extends RuntimeException {

    public PostInputException(String message) {
        super(message);
    }

    public PostInputException(String message, Throwable cause) {
        super(message, cause);
    }
}

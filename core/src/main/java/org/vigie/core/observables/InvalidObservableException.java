package org.vigie.core.observables;

/**
 * A value that is not a valid observable of the type asked for. The message is written for the
 * reporter who typed the value: it says what is wrong and, where it can, how to write it instead.
 */
public class InvalidObservableException extends IllegalArgumentException {

    public InvalidObservableException(String reason) {
        super(reason);
    }
}

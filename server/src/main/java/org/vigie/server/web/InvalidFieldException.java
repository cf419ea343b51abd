package org.vigie.server.web;

import org.springframework.http.HttpStatus;

/**
 * A value that is well-formed but not acceptable, found by a service rather than by bean
 * validation (a weak password, an organisation that does not exist): 400.
 */
public class InvalidFieldException extends FieldException {

    public InvalidFieldException(String field, String messageKey, String detail) {
        super(HttpStatus.BAD_REQUEST, "Invalid request", field, messageKey, detail);
    }
}

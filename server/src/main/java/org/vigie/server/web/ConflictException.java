package org.vigie.server.web;

import org.springframework.http.HttpStatus;

/** The request clashes with what is stored, such as a name that must be unique (409). */
public class ConflictException extends FieldException {

    public ConflictException(String field, String messageKey, String detail) {
        super(HttpStatus.CONFLICT, "Conflict", field, messageKey, detail);
    }
}

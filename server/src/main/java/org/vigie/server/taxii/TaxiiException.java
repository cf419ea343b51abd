package org.vigie.server.taxii;

import org.springframework.http.HttpStatus;

/** An error answered as a TAXII error message: a title, a description naming what was wrong, the status. */
class TaxiiException extends RuntimeException {

    private final HttpStatus status;
    private final String title;

    TaxiiException(HttpStatus status, String title, String description) {
        super(description);
        this.status = status;
        this.title = title;
    }

    HttpStatus status() {
        return status;
    }

    String title() {
        return title;
    }

    static TaxiiException badParameter(String parameter, String problem) {
        return new TaxiiException(HttpStatus.BAD_REQUEST, "Bad parameter " + parameter, parameter + ": " + problem);
    }

    static TaxiiException notFound(String what) {
        return new TaxiiException(HttpStatus.NOT_FOUND, "Not found", what);
    }
}

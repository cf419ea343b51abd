package org.vigie.server.organisations;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * A malformed id in a page address names nothing: the same "not found" page as an unknown id, as
 * the API answers, instead of a bare 400.
 */
@ControllerAdvice(assignableTypes = {OrganisationPagesController.class, ContactPagesController.class})
class PagesAdvice {

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    void malformedId(MethodArgumentTypeMismatchException ex, HttpServletResponse response) throws IOException {
        if (!ex.getParameter().hasParameterAnnotation(PathVariable.class)) {
            throw ex;
        }
        response.sendError(HttpServletResponse.SC_NOT_FOUND);
    }
}

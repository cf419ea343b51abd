package org.vigie.server.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.multipart.MaxUploadSizeExceededException;

/**
 * An upload the container refused while reading it (no declared length, or a single part over the
 * bound): 413 with the limit. Not in {@link ApiProblems}: the multipart body is parsed before a handler
 * is chosen, and {@code ApiProblems} only advises {@code @RestController} handlers, so it would never
 * see this exception; this advice applies to every request, API or page.
 */
@ControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
@ConditionalOnWebApplication
class UploadTooLargeAdvice {

    private final UploadRefusal refusal;

    UploadTooLargeAdvice(UploadRefusal refusal) {
        this.refusal = refusal;
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    void tooLarge(MaxUploadSizeExceededException tooLarge, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        refusal.refuse(request, response, tooLarge);
    }
}

package org.vigie.server.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;

/**
 * Answers an upload that is too large for the servlet container: 413 with the limit, as a problem
 * document for the API and as the error page (which names the limit) for people.
 */
final class UploadRefusal {

    /** Request attribute the error page reads to name the limit. */
    static final String LIMIT_ATTRIBUTE = "uploadLimit";

    private final long announcedLimit;
    private final long requestBound;
    private final ObjectMapper json;

    UploadRefusal(long announcedLimit, long requestBound, ObjectMapper json) {
        this.announcedLimit = announcedLimit;
        this.requestBound = requestBound;
        this.json = json;
    }

    long announcedLimit() {
        return announcedLimit;
    }

    /** A multipart request whose declared length is over what the container would read. */
    boolean declaredTooLarge(HttpServletRequest request) {
        String type = request.getContentType();
        return requestBound >= 0 && type != null && type.toLowerCase().startsWith("multipart/")
                && request.getContentLengthLong() > requestBound;
    }

    ProblemDetail problem(HttpServletRequest request) {
        ProblemDetail problem = PayloadTooLarge.problem("The upload", announcedLimit);
        problem.setInstance(URI.create(request.getRequestURI()));
        return problem;
    }

    /**
     * @param cause what the container said while parsing, or null when the request was refused on its
     *              declared length without being read
     */
    void refuse(HttpServletRequest request, HttpServletResponse response, MultipartException cause) throws IOException {
        if (response.isCommitted()) {
            return;
        }
        if (isApi(request)) {
            response.resetBuffer();
            response.setStatus(HttpStatus.PAYLOAD_TOO_LARGE.value());
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            json.writeValue(response.getOutputStream(), problem(request));
        } else {
            request.setAttribute(LIMIT_ATTRIBUTE, PayloadTooLarge.readable(announcedLimit));
            // The error page is rendered in an error dispatch of this same request. Nothing there may read
            // the body: the DispatcherServlet skips multipart parsing once this attribute holds a
            // multipart failure, and a body taken as a stream is no longer parsed for parameters (the
            // language interceptor asks for one).
            request.setAttribute(RequestDispatcher.ERROR_EXCEPTION,
                    cause != null ? cause : new MaxUploadSizeExceededException(announcedLimit));
            try {
                request.getInputStream();
            } catch (IllegalStateException readerInUse) {
                // already read as characters: parameters will not be parsed either
            }
            response.sendError(HttpStatus.PAYLOAD_TOO_LARGE.value());
        }
    }

    private static boolean isApi(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return path.startsWith("/api/");
    }
}

package org.vigie.server.accounts;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

/**
 * 401 and 403 for API clients as problem documents, never a redirect to the sign-in page; for TAXII
 * clients as TAXII error messages in the TAXII media type, which is what they parse.
 */
class ApiProblemEntryPoint implements AuthenticationEntryPoint, AccessDeniedHandler {

    static final String TAXII_MEDIA_TYPE = "application/taxii+json;version=2.1";

    private final ObjectMapper json;
    private final boolean taxii;

    ApiProblemEntryPoint(ObjectMapper json) {
        this(json, false);
    }

    private ApiProblemEntryPoint(ObjectMapper json, boolean taxii) {
        this.json = json;
        this.taxii = taxii;
    }

    static ApiProblemEntryPoint taxii(ObjectMapper json) {
        return new ApiProblemEntryPoint(json, true);
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e) throws IOException {
        response.setHeader("WWW-Authenticate", "Bearer realm=\"vigie\", Basic realm=\"vigie\"");
        write(request, response, HttpStatus.UNAUTHORIZED, taxii
                ? "Authentication required: send 'Authorization: Bearer <API token>', or HTTP Basic with your username and an API token as the password."
                : "Authentication required: send 'Authorization: Bearer <API token>'.");
    }

    void invalidToken(HttpServletResponse response) throws IOException {
        response.setHeader("WWW-Authenticate", "Bearer realm=\"vigie\", error=\"invalid_token\"");
        write(null, response, HttpStatus.UNAUTHORIZED, "The API token is invalid or has been revoked.");
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e) throws IOException {
        write(request, response, HttpStatus.FORBIDDEN, "You may not do this.");
    }

    private void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String detail) throws IOException {
        if (taxii) {
            response.setStatus(status.value());
            response.setContentType(TAXII_MEDIA_TYPE);
            json.writeValue(response.getOutputStream(), java.util.Map.of("title", status.getReasonPhrase(), "description", detail,
                    "http_status", String.valueOf(status.value())));
            return;
        }
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(status.getReasonPhrase());
        if (request != null) {
            problem.setInstance(URI.create(request.getRequestURI()));
        }
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), problem);
    }
}

package org.vigie.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.RequestDispatcher;
import org.junit.jupiter.api.Test;
import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.web.multipart.MaxUploadSizeExceededException;

/** An upload over the limit is answered 413 naming the limit, to an API client as a problem, to a person as a page. */
class UploadLimitsTest {

    private static final long MB = 1024 * 1024;
    /** As the application's: problem properties at the top level. */
    private static final ObjectMapper JSON = Jackson2ObjectMapperBuilder.json().build();

    private final UploadRefusal refusal = new UploadRefusal(50 * MB, UploadLimits.bound(50 * MB, 10 * MB), JSON);

    /** A request that declares a length (the mock would report the length of its own, empty, content). */
    private static MockHttpServletRequest declaring(String path, String contentType, long length) {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", path) {
            @Override
            public long getContentLengthLong() {
                return length;
            }
        };
        request.setContentType(contentType);
        return request;
    }

    private static MockHttpServletRequest multipart(String path, long length) {
        return declaring(path, "multipart/form-data; boundary=x", length);
    }

    @Test
    void theContainerTakesTheLargestFilePlusTheFormsFields() {
        assertThat(UploadLimits.bound(50 * MB, 10 * MB)).isEqualTo(51 * MB);
        assertThat(UploadLimits.bound(50 * MB, 200 * MB)).as("a larger configured request size is kept").isEqualTo(200 * MB);
        assertThat(UploadLimits.bound(-1, 10 * MB)).isEqualTo(-1);
    }

    @Test
    void sizesReadAsPeopleWriteThem() {
        assertThat(PayloadTooLarge.readable(50 * MB)).isEqualTo("50 MB");
        assertThat(PayloadTooLarge.readable(3 * MB / 2)).isEqualTo("1.5 MB");
        assertThat(PayloadTooLarge.readable(2048 * MB)).isEqualTo("2 GB");
        assertThat(PayloadTooLarge.readable(512 * 1024)).isEqualTo("512 KB");
        assertThat(PayloadTooLarge.readable(10)).isEqualTo("10 bytes");
    }

    @Test
    void onlyAMultipartRequestDeclaredOverTheBoundIsRefusedUnread() {
        assertThat(refusal.declaredTooLarge(multipart("/api/v1/x", 51 * MB + 1))).isTrue();
        assertThat(refusal.declaredTooLarge(multipart("/api/v1/x", 51 * MB))).isFalse();
        assertThat(refusal.declaredTooLarge(declaring("/api/v1/objects", "application/json", 60 * MB)))
                .as("other bodies have their own limits").isFalse();
    }

    @Test
    void anApiClientGetsAProblemWithTheLimit() throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();

        refusal.refuse(multipart("/api/v1/reports/1/evidence", 60 * MB), response, null);

        assertThat(response.getStatus()).isEqualTo(413);
        assertThat(response.getContentType()).isEqualTo("application/problem+json");
        JsonNode problem = JSON.readTree(response.getContentAsByteArray());
        assertThat(problem.path("status").asInt()).isEqualTo(413);
        assertThat(problem.path("detail").asText()).isEqualTo("The upload is larger than the limit of 50 MB (52428800 bytes).");
        assertThat(problem.path("limit").asLong()).isEqualTo(52428800L);
        assertThat(problem.path("limitText").asText()).isEqualTo("50 MB");
    }

    @Test
    void aPersonGetsTheErrorPageWithTheLimitAndNothingReadsTheBodyToRenderIt() throws Exception {
        MockHttpServletRequest request = multipart("/reports/1/evidence", 60 * MB);
        MockHttpServletResponse response = new MockHttpServletResponse();
        MaxUploadSizeExceededException cause = new MaxUploadSizeExceededException(-1);

        refusal.refuse(request, response, cause);

        assertThat(response.getStatus()).isEqualTo(413);
        assertThat(response.isCommitted()).isTrue(); // sendError: the error page follows
        assertThat(request.getAttribute(UploadRefusal.LIMIT_ATTRIBUTE)).isEqualTo("50 MB");
        assertThat(request.getAttribute(RequestDispatcher.ERROR_EXCEPTION)).isSameAs(cause);
    }
}

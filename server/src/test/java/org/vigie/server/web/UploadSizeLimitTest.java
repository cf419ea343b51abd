package org.vigie.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.vigie.server.support.Fixtures;
import org.vigie.server.support.VigieTest;

/**
 * Over HTTP, with the default limit (50 MB): an upload larger than the server takes is answered 413
 * naming the limit, before anything else looks at it, to API clients and to browsers alike.
 */
@VigieTest
class UploadSizeLimitTest {

    private static final long MB = 1024 * 1024;
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String BOUNDARY = "----vigieUploadLimitTest";

    @LocalServerPort
    int port;

    /** A form with one file of {@code fileSize} zero bytes, produced as it is sent. */
    private static HttpRequest.BodyPublisher form(long fileSize, boolean declareLength) {
        byte[] head = ("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"big.mp4\"\r\n"
                + "Content-Type: video/mp4\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
        byte[] tail = ("\r\n--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.US_ASCII);
        HttpRequest.BodyPublisher stream = HttpRequest.BodyPublishers.ofInputStream(() -> new SequenceInputStream(
                java.util.Collections.enumeration(List.<InputStream>of(new ByteArrayInputStream(head),
                        new ZeroStream(fileSize), new ByteArrayInputStream(tail)))));
        return declareLength ? HttpRequest.BodyPublishers.fromPublisher(stream, head.length + fileSize + tail.length) : stream;
    }

    private HttpResponse<String> post(String path, HttpRequest.BodyPublisher body, String accept, String authorization) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Content-Type", "multipart/form-data; boundary=" + BOUNDARY)
                .header("Accept", accept)
                .POST(body);
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static void assertProblemWithTheLimit(HttpResponse<String> response) throws Exception {
        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        JsonNode problem = JSON.readTree(response.body());
        assertThat(problem.path("detail").asText()).isEqualTo("The upload is larger than the limit of 50 MB (52428800 bytes).");
        assertThat(problem.path("limit").asLong()).isEqualTo(50 * MB);
        assertThat(problem.path("limitText").asText()).isEqualTo("50 MB");
    }

    @Test
    void anApiUploadDeclaredTooLargeIsRefusedBeforeItIsRead() throws Exception {
        assertProblemWithTheLimit(post("/api/v1/objects", form(52 * MB, true), "application/json", null));
    }

    @Test
    void aFormUploadDeclaredTooLargeGetsTheErrorPageNamingTheLimit() throws Exception {
        HttpResponse<String> response = post("/knowledge/share", form(52 * MB, true), "text/html", null);

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
        assertThat(response.body()).contains("Too large to be accepted").contains("Files may be at most 50 MB.");
    }

    @Test
    void anApiUploadSentWithoutALengthIsRefusedWhenTheServerHasReadTooMuch() throws Exception {
        String token = JSON.readTree(HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/auth/tokens"))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(("admin:" + VigieTest.ADMIN_PASSWORD)
                        .getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"" + Fixtures.unique("upload") + "\"}")).build(),
                HttpResponse.BodyHandlers.ofString()).body()).path("token").asText();

        assertProblemWithTheLimit(post("/api/v1/objects", form(52 * MB, false), "application/json", "Bearer " + token));
    }

    /** {@code size} zero bytes. */
    private static final class ZeroStream extends InputStream {

        private long left;

        ZeroStream(long size) {
            this.left = size;
        }

        @Override
        public int read() {
            if (left <= 0) {
                return -1;
            }
            left--;
            return 0;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) {
            if (left <= 0) {
                return -1;
            }
            int n = (int) Math.min(length, left);
            java.util.Arrays.fill(buffer, offset, offset + n, (byte) 0);
            left -= n;
            return n;
        }
    }
}

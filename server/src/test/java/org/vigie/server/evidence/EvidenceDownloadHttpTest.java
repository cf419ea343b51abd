package org.vigie.server.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.vigie.server.support.VigieTest;

/**
 * A download over HTTP, through the security filters that add their own headers to every response:
 * the evidence headers are the ones the browser gets, and the bytes arrive whole. The endpoint is
 * {@link TestOnlyEvidenceDownloads}, as the reports module will have one.
 */
@VigieTest
class EvidenceDownloadHttpTest {

    @LocalServerPort
    int port;
    @Autowired
    EvidenceStore store;

    private HttpResponse<byte[]> get(String path) throws Exception {
        String token = new com.fasterxml.jackson.databind.ObjectMapper().readTree(HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/auth/tokens"))
                        .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                                ("admin:" + VigieTest.ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8)))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"download-test\"}")).build(),
                HttpResponse.BodyHandlers.ofString()).body()).path("token").asText();
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", "Bearer " + token).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    @Test
    void theBrowserGetsTheBytesAsAnAttachmentItWillNotRender() throws Exception {
        byte[] content = new byte[2 * 1024 * 1024 + 3];
        new Random().nextBytes(content);
        byte[] html = "<html><script>alert(1)</script>".getBytes(StandardCharsets.UTF_8);
        System.arraycopy(html, 0, content, 0, html.length);
        java.util.Arrays.fill(content, html.length, 8192, (byte) ' '); // text for the sniffer
        for (int i = 8192; i < content.length; i++) {
            content[i] = (byte) ('a' + (content[i] & 0x0F));
        }
        EvidenceFile stored = store.store(new ByteArrayInputStream(content), "page.html", "text/html", null);

        HttpResponse<byte[]> response = get("/api/v1/test-only/evidence/" + stored.sha256());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo(content);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/octet-stream");
        assertThat(response.headers().firstValue("Content-Disposition"))
                .hasValue("attachment; filename=\"<img src=x onerror=alert(1)>.html.txt\"; "
                        + "filename*=UTF-8''%3Cimg%20src%3Dx%20onerror%3Dalert%281%29%3E.html.txt");
        assertThat(response.headers().allValues("X-Content-Type-Options")).containsExactly("nosniff");
        assertThat(response.headers().allValues("Content-Security-Policy")).containsExactly("sandbox; default-src 'none'");
        assertThat(response.headers().allValues("Cache-Control")).containsExactly("no-store, private");
        assertThat(response.headers().firstValue("Content-Length")).hasValue(String.valueOf(content.length));
    }

    @Test
    void aMalformedOrUnknownHashIsNotFound() throws Exception {
        assertThat(get("/api/v1/test-only/evidence/" + "0".repeat(64)).statusCode()).isEqualTo(404);
        assertThat(get("/api/v1/test-only/evidence/..%2F..%2Fetc").statusCode()).isIn(400, 404);
    }
}

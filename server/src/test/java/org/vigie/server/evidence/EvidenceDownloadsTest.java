package org.vigie.server.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/** An evidence file is always handed over as a download that no browser renders, under a name that cannot mislead. */
class EvidenceDownloadsTest {

    private static final String SHA = "a".repeat(64);

    /** The store is only asked for bytes when the body is written; these tests read the headers. */
    private final EvidenceDownloads downloads = new EvidenceDownloads(null);

    private HttpHeaders headers(String mediaType, String fileName) {
        ResponseEntity<StreamingResponseBody> response = downloads.download(new EvidenceFile(SHA, 1234, mediaType, null), fileName);
        assertThat(response.getStatusCode().value()).isEqualTo(200);
        return response.getHeaders();
    }

    @Test
    void aDownloadIsAnOpaqueAttachmentThatIsNeverRenderedNorCached() {
        HttpHeaders headers = headers("image/png", "screenshot.png");

        assertThat(headers.getFirst("Content-Type")).isEqualTo("application/octet-stream");
        assertThat(headers.getFirst("Content-Disposition")).isEqualTo("attachment; filename=\"screenshot.png\"; filename*=UTF-8''screenshot.png");
        assertThat(headers.getFirst("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(headers.getFirst("Content-Security-Policy")).isEqualTo("sandbox; default-src 'none'");
        assertThat(headers.getFirst("Cross-Origin-Resource-Policy")).isEqualTo("same-origin");
        assertThat(headers.getCacheControl()).contains("no-store").contains("private");
        assertThat(headers.getContentLength()).isEqualTo(1234);
    }

    @Test
    void anHtmlFileIsDownloadedAsOctetStreamToo() {
        assertThat(headers("text/plain", "page.html").getFirst("Content-Type")).isEqualTo("application/octet-stream");
    }

    @Test
    void aNameIsEncodedAndCannotInjectHeaders() {
        String disposition = headers("image/jpeg", "C:\\fakepath\\Bureau n°12 \"urgent\"\r\nSet-Cookie: x=1.jpg").getFirst("Content-Disposition");

        assertThat(disposition).doesNotContain("\r").doesNotContain("\n").doesNotContain("fakepath");
        assertThat(disposition).isEqualTo("attachment; filename=\"Bureau n_12 _urgent_Set-Cookie: x=1.jpg\"; "
                + "filename*=UTF-8''Bureau%20n%C2%B012%20%22urgent%22Set-Cookie%3A%20x%3D1.jpg");
    }

    @Test
    void aNameWhoseExtensionDoesNotFitTheContentGetsTheContentsExtension() {
        assertThat(headers("text/plain", "invoice.hta").getFirst("Content-Disposition")).contains("filename=\"invoice.hta.txt\"");
        assertThat(headers("image/png", "photo.exe").getFirst("Content-Disposition")).contains("filename=\"photo.exe.png\"");
        assertThat(headers("application/zip", "report.docx").getFirst("Content-Disposition")).contains("filename=\"report.docx\"");
        assertThat(headers("application/zip", "tool.jar").getFirst("Content-Disposition")).contains("filename=\"tool.jar.zip\"");
    }

    @Test
    void directionOverridesCannotDisguiseAnExtension() {
        // U+202E turns "invoice\u202Efdp.exe" into "invoiceexe.pdf" on screen
        assertThat(headers("application/pdf", "invoice\u202Efdp.exe").getFirst("Content-Disposition"))
                .contains("filename=\"invoicefdp.exe.pdf\"");
    }

    @Test
    void aFileWithoutANameGetsADefaultOne() {
        assertThat(headers("application/pdf", null).getFirst("Content-Disposition")).contains("filename=\"evidence.pdf\"");
        assertThat(headers("application/pdf", "../..").getFirst("Content-Disposition")).contains("filename=\"evidence.pdf\"");
    }
}

package org.vigie.server.evidence;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * The response that hands an evidence file to a reader, for a controller that has checked the reader
 * may see a report listing it. An evidence file comes from another organisation and may be hostile: it
 * is always a download, never a page.
 * <ul>
 *   <li>{@code Content-Type: application/octet-stream}, never the stored type, and {@code nosniff}: no
 *       browser renders it or guesses a type to render it as;</li>
 *   <li>{@code Content-Disposition: attachment} with the name made safe and fitted to the type;</li>
 *   <li>{@code Content-Security-Policy: sandbox; default-src 'none'}: if it were ever shown, as an
 *       opaque origin that may run and load nothing;</li>
 *   <li>{@code Cross-Origin-Resource-Policy: same-origin}: no other site embeds it with the reader's
 *       session;</li>
 *   <li>{@code Cache-Control: private, no-store}: no proxy or browser cache keeps a copy.</li>
 * </ul>
 */
@Component
public class EvidenceDownloads {

    static final String CONTENT_SECURITY_POLICY = "sandbox; default-src 'none'";

    private final EvidenceStore store;

    EvidenceDownloads(EvidenceStore store) {
        this.store = store;
    }

    /**
     * @param fileName the name to download under (the report's name for the file); null for the file's own
     *                 name, or {@code evidence} with the type's extension
     */
    public ResponseEntity<StreamingResponseBody> download(EvidenceFile file, String fileName) {
        String name = fileName != null ? file.withFileName(fileName).fileName()
                : file.fileName() != null ? file.fileName() : file.withFileName(null).fileName();
        String sha256 = file.sha256();
        return ResponseEntity.ok().headers(headers(file, name)).body(out -> store.copyTo(sha256, out));
    }

    static HttpHeaders headers(EvidenceFile file, String safeName) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_OCTET_STREAM);
        headers.setContentLength(file.size());
        headers.set(HttpHeaders.CONTENT_DISPOSITION, EvidenceFileNames.contentDisposition(safeName));
        headers.set("X-Content-Type-Options", "nosniff");
        headers.set("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        headers.set("Cross-Origin-Resource-Policy", "same-origin");
        headers.setCacheControl(CacheControl.noStore().cachePrivate());
        return headers;
    }
}

package org.vigie.server.evidence;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;
import org.vigie.server.web.NotFoundException;

/**
 * A download endpoint for tests only (test sources; every test application has it): what the reports
 * module's will do, without the check that the reader may see a report listing the file.
 */
@RestController
class TestOnlyEvidenceDownloads {

    private final EvidenceStore store;
    private final EvidenceDownloads downloads;

    TestOnlyEvidenceDownloads(EvidenceStore store, EvidenceDownloads downloads) {
        this.store = store;
        this.downloads = downloads;
    }

    @GetMapping("/api/v1/test-only/evidence/{sha256}")
    ResponseEntity<StreamingResponseBody> download(@PathVariable String sha256) {
        // find() answers empty for anything but 64 lower-case hex digits: a malformed hash is a 404 like an unknown one
        EvidenceFile file = store.find(sha256).orElseThrow(() -> new NotFoundException("evidence file", sha256));
        return downloads.download(file, "<img src=x onerror=alert(1)>.html");
    }
}
